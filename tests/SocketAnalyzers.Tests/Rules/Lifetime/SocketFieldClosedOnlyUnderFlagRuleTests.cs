using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// SOCK201 on a close path guarded by a flag of the object: a start that fails before it sets the flag leaves its
    /// socket in the field where the close path never looks.
    /// </summary>
    public sealed class SocketFieldClosedOnlyUnderFlagRuleTests
    {
        private const string Id = "SOCK201";

        private static string Reason(string flag, string failure) =>
            "the type closes it only while '" + flag + "' is true, and " + failure + " leaves '" + flag + "' false, so that path never closes it";

        private static string Connection(string open, string close = "if (!active) return; active = false; socket.Close();") => """
            using System;
            using System.Net;
            using System.Net.Sockets;

            public sealed class Connection
            {
                private readonly IPEndPoint endPoint;
                private Socket socket;
                private bool active;

                public Connection(IPEndPoint endPoint) => this.endPoint = endPoint;

                public void Open()
                {
            """ + open + """

                }

                public void Close()
                {
            """ + close + """

                }
            }
            """;

        [Fact]
        public async Task ConnectThrowsBeforeTheFlagIsSet_Reports()
        {
            var source = Connection("""
                        if (active) return;
                        {|#0:socket = new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        socket.Connect(endPoint);
                        active = true;
                """);

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("socket", Reason("active", "a failing 'Connect'")));
        }

        [Fact]
        public async Task CatchThatLogsAndReturns_UnderAnIfBlock_CloseUnderIf_Reports()
        {
            var source = Connection(
                """
                        if (!this.active)
                        {
                            {|#0:this.socket = new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                            try
                            {
                                this.socket.Connect(endPoint);
                                this.active = true;
                            }
                            catch (SocketException e)
                            {
                                Console.WriteLine(e.Message);
                            }
                        }
                """,
                """
                        if (this.active)
                        {
                            this.active = false;
                            this.socket.Dispose();
                        }
                """);

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("socket", Reason("active", "a failing 'Connect'")));
        }

        [Fact]
        public async Task EarlyReturnBeforeTheFlagIsSet_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                public sealed class Server
                {
                    private TcpListener listener;

                    public bool Running { get; private set; }

                    public void Start(int port)
                    {
                        if (Running) return;
                        {|#0:listener = new TcpListener(IPAddress.Any, port)|};
                        if (port == 0)
                        {
                            Console.WriteLine("no port");
                            return;
                        }

                        Running = true;
                        listener.Start();
                    }

                    public void Stop()
                    {
                        if (!Running) return;
                        Running = false;
                        listener.Stop();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("listener", Reason("Running", "the return at line 18")));
        }

        [Fact]
        public async Task CatchThatClearsTheFlagAndReturns_NoGuardBeforeTheStore_Reports()
        {
            // No entry guard, but the failing path itself clears the flag: the close path then skips the new socket.
            var source = Connection("""
                        {|#0:socket = new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        try
                        {
                            socket.Connect(endPoint);
                        }
                        catch (SocketException)
                        {
                            active = false;
                            return;
                        }

                        active = true;
                """);

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("socket", Reason("active", "a failing 'Connect'")));
        }

        [Theory]
        [InlineData("if (active) return; socket = new Socket(SocketType.Stream, ProtocolType.Tcp); active = true; socket.Connect(endPoint);")]
        [InlineData("socket = new Socket(SocketType.Stream, ProtocolType.Tcp); socket.Connect(endPoint); active = true;")]
        [InlineData("if (active) return; socket = new Socket(SocketType.Stream, ProtocolType.Tcp); try { socket.Connect(endPoint); } catch { socket.Close(); throw; } active = true;")]
        [InlineData("if (active) return; socket = new Socket(SocketType.Stream, ProtocolType.Tcp); try { socket.Connect(endPoint); } finally { active = true; }")]
        [InlineData("if (active) return; System.Threading.Tasks.Task.Run(() => { socket = new Socket(SocketType.Stream, ProtocolType.Tcp); socket.Connect(endPoint); active = true; });")]
        public async Task FlagSetFirst_NoUnsetGuard_CatchCloses_FlagSetInFinally_Lambda_Silent(string open)
        {
            // The flag is set on every path before anything can fail; the store may run with the flag already set (the
            // close path then runs for it); the catch closes what it stored; a finally sets the flag on every path; a
            // lambda runs later, when the flag may be anything.
            await Verify.VerifyAsync(Id, Connection(open));
        }

        [Theory]
        [InlineData("if (!active) return; active = false; socket.Close();", "public void Dispose() => socket?.Dispose();")]
        [InlineData("if (!active) return; active = false; socket.Close();", "public void Abort() { if (socket != null && socket.Connected) socket.Close(); }")]
        public async Task TypeAlsoClosesTheFieldWithoutTheFlag_Silent(string close, string other)
        {
            var source = Connection("if (active) return; socket = new Socket(SocketType.Stream, ProtocolType.Tcp); socket.Connect(endPoint); active = true;", close)
                .Replace("    public void Close()", "    " + other + "\n\n    public void Close()");
            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task GuardIsAParameter_Silent()
        {
            // Dispose(bool disposing) closes under a parameter, not under the field of the same name that Open sets.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                public class Connection : IDisposable
                {
                    private Socket socket;
                    private bool disposing;

                    public void Open(IPEndPoint endPoint)
                    {
                        if (disposing) return;
                        socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(endPoint);
                        disposing = true;
                    }

                    public void Dispose() => Dispose(true);

                    protected virtual void Dispose(bool disposing)
                    {
                        if (disposing)
                        {
                            socket?.Dispose();
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }
    }
}
