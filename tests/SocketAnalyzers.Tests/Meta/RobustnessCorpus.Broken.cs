namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Hand-written cases: code as it looks mid-edit, and shapes that trip naive symbol handling.</summary>
    internal static partial class RobustnessCorpus
    {
        private const string UnbalancedBraces = Usings + /* lang=c#-test */ """
            class Unbalanced
            {
                void M()
                {
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    if (s != null)
                    {
                        s.Listen(1);
                        {
                            s.Bind(new IPEndPoint(IPAddress.Any, 0));
                }
                }}}
                void N() { s.Listen(2); }
                }
            class Other { void M() { var t = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Tcp); t.Listen(
            """;

        private const string HalfTypedCode = Usings + /* lang=c#-test */ """
            class HalfTyped
            {
                Socket f = new Socket(AddressFamily.InterNetwork, SocketType.
                void A() { var s = new Socket(; s.Listen(; }
                void B() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) s.Listen(1) }
                void C() { Socket s = new(AddressFamily.InterNetwork, SocketType.Stream, ); s. }
                void D() { using var s = new Socket(AddressFamily., SocketType.Dgram, ProtocolType.Udp); s.Listen(backlog: ); }
                void E() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp, extra); s.Accept(). }
                async void F() { var s = new Socket(SocketType.Dgram, ProtocolType.Udp); await s.; s.Listen(1 }
                void G() { new Socket(AddressFamily.InterNetwork, SocketType.Dgram, (ProtocolType)) .Listen(1); }
                void H() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s = ; s.Listen(1); }
                void I() { Socket s; s.Listen(1); s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); }
                void J() => new Socket(default, default, default).Listen(default);
                void K() { var s = new Socket((AddressFamily)999, (SocketType)(-1), (ProtocolType)int.MaxValue); s.Listen(int.MinValue); }
            """;

        private const string MissingTypesAndMembers = Usings + /* lang=c#-test */ """
            class Missing : UnknownBase, IUnknown
            {
                UnknownSocket field = new UnknownSocket();
                void A() { var s = new UnknownSocket(AddressFamily.InterNetwork, SocketType.Dgram); s.Listen(1); }
                void B() { var s = new Socket(AddressFamily.Nope, SocketType.Stream, ProtocolType.Tcp); s.Listen(1); }
                void C() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.ListenHarder(1); s.Listen(Missing.Value); }
                void D(Undefined u) { Socket s = u.MakeSocket(); s.Listen(1); u.Listen(); }
                void E() { var s = Socket.Create(); s.Listen(1); var t = new Socket<int>(); t.Listen(1); }
                T F<T>() where T : Socket, new() { var t = new T(); t.Listen(1); return t; }
                void G() { var s = (Socket)null!; s!.Listen(1); var d = (dynamic)s; d.Listen(1); d = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); d.Listen(1); }
                void H() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Listen(1, 2, 3); s.Listen("1"); }
            }
            """;

        private const string RecursiveFunctions = Usings + /* lang=c#-test */ """
            class Recursive
            {
                Socket Loop(Socket s) => Loop(Loop(s));
                void M(int n)
                {
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    Socket Again(Socket x) => n-- > 0 ? Again(Other(x)) : x;
                    Socket Other(Socket y) { y.Listen(n); return Again(y); }
                    Again(s).Listen(1);
                    Func<Socket, Socket>? f = null;
                    f = x => f!(x);
                    s = f(s);
                    s.Listen(2);
                    static async Task<Socket> Deep(Socket z, int d) => d == 0 ? z : await Deep(z, d - 1);
                    _ = Deep(s, 1000);
                    IEnumerable<Socket> Walk(Socket w) { yield return w; foreach (var v in Walk(w)) { v.Listen(1); yield return v; } }
                    _ = Walk(s);
                }
                class Node { public Node? Next; public Socket? Value; public Socket Get() => Next!.Get(); }
            }
            """;

        private const string AliasCycles = Usings + /* lang=c#-test */ """
            class Aliases
            {
                void M(bool c)
                {
                    Socket a = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp), b = a, d = b;
                    a = b; b = d; d = a; a = a;
                    a.Listen(1);
                    Socket e0 = a, e1 = e0, e2 = e1, e3 = e2, e4 = e3, e5 = e4, e6 = e5, e7 = e6, e8 = e7, e9 = e8, e10 = e9, e11 = e10, e12 = e11;
                    e12.Listen(1);
                    e0 = e12;
                    ref Socket r = ref a; r = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); r.Listen(1);
                    (a, b) = (b, a); a.Listen(1);
                    a ??= b; a.Listen(1);
                    Make(out var o); o.Listen(1); Swap(ref a, ref b); b.Listen(1);
                    Socket? n = c ? a : null; n?.Listen(1); n!.Listen(1);
                    object boxed = a; ((Socket)boxed).Listen(1);
                    var arr = new[] { a, b }; arr[0] = arr[1]; arr[0].Listen(1);
                }
                static void Make(out Socket s) => s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                static void Swap(ref Socket x, ref Socket y) => (x, y) = (y, x);
            }
            """;

        private const string ImpostorSocketTypes = /* lang=c#-test */ """
            namespace System.Net.Sockets
            {
                public enum AddressFamily { InterNetwork = 2 }
                public class SocketType { public const int Dgram = 2; }
                public struct ProtocolType { }
                public class Socket
                {
                    public Socket(string a, string b, string c) { }
                    public Socket(AddressFamily a, int b, ProtocolType c) { }
                    public void Listen() { }
                    public int Listen(params object[] backlog) => 0;
                    public static Socket Accept => new Socket("", "", "");
                }
                public class TcpListener { public void AcceptTcpClient() { } }
                public static class NetworkStream { }
            }
            class UsesImpostors
            {
                void M()
                {
                    var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, default);
                    s.Listen();
                    s.Listen(1, 2);
                    var t = new System.Net.Sockets.Socket("x", "y", "z");
                    t.Listen(10);
                    _ = System.Net.Sockets.Socket.Accept.Listen(1);
                    new System.Net.Sockets.TcpListener().AcceptTcpClient();
                }
            }
            """;

        private const string TopLevelStatements = Usings + /* lang=c#-test */ """
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Listen(1);
            var local = () => { s.Listen(2); return s; };
            local().Dispose();
            s.Listen(3);
            await Task.Yield();
            return args.Length;
            """;
    }
}
