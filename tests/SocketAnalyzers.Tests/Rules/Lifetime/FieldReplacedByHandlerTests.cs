using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// SOCK201, a handler that can fire again replaces a socket field: an input check that returns before the write is no
    /// "still running" guard, and a type that keeps each socket for good (only makes and uses it, never closes or hands it
    /// on) owns what the field holds as surely as one that closes it.
    /// </summary>
    public sealed class FieldReplacedByHandlerTests
    {
        private const string Id = "SOCK201";

        private const string Reason = "'Connect_Click' handles an event that can fire again and this write replaces the socket the field holds without closing it";

        private static string Form(string connect, string others) => """
            using System;
            using System.Net;
            using System.Net.Sockets;

            sealed class MainForm
            {
                private Socket client;
                private readonly System.Text.StringBuilder txtHost = new System.Text.StringBuilder(); // a UI control's text in real code
                private bool connected;

                void Connect_Click(object sender, EventArgs e)
                {
            """ + connect + """

                }

                void Send_Click(object sender, EventArgs e)
                {
                    client.Send(new byte[] { 1 });
                    if (client != null && client.Connected) client.Receive(new byte[4]);
                }

            """ + others + """

            }
            """;

        [Theory]
        // The type never closes the field: each click's socket is kept for good and then dropped.
        [InlineData("{|#0:client = new Socket(SocketType.Stream, ProtocolType.Tcp)|}; client.Connect(new IPEndPoint(IPAddress.Loopback, 1234));", "")]
        // An input check that returns before the write: every click that passes it replaces the socket.
        [InlineData("if (txtHost.Length == 0) { Console.WriteLine(\"no host\"); return; } {|#0:client = new Socket(SocketType.Stream, ProtocolType.Tcp)|}; client.Connect(txtHost.ToString(), 80);", "void Disconnect_Click(object s, EventArgs e) => client.Close();")]
        [InlineData("if (!IPAddress.TryParse(txtHost.ToString(), out var ip)) return; {|#0:client = new Socket(SocketType.Stream, ProtocolType.Tcp)|}; client.Connect(ip, 80);", "")]
        public async Task HandlerReplacesAFieldTheTypeOwns_Reports(string connect, string others) =>
            await Verify.VerifyAsync(Id, Form(connect, others), Verify.Diagnostic(Id).WithLocation(0).WithArguments("client", Reason));

        [Theory]
        // A guard on the object's state: the write may run only once.
        [InlineData("if (connected) return; client = new Socket(SocketType.Stream, ProtocolType.Tcp); connected = true;", "")]
        [InlineData("if (client != null) return; client = new Socket(SocketType.Stream, ProtocolType.Tcp);", "")]
        [InlineData("if (IsBusy()) return; client = new Socket(SocketType.Stream, ProtocolType.Tcp);", "bool IsBusy() => connected;")]
        // The field's socket goes somewhere, or comes from elsewhere: not kept for good by this type.
        [InlineData("client = new Socket(SocketType.Stream, ProtocolType.Tcp);", "void Hand(Action<Socket> sink) => sink(client);")]
        [InlineData("client = new Socket(SocketType.Stream, ProtocolType.Tcp);", "void Adopt(Socket s) { client = s; }")]
        [InlineData("client = new Socket(SocketType.Stream, ProtocolType.Tcp);", "NetworkStream Stream() => new NetworkStream(client, true);")]
        [InlineData("client = new Socket(SocketType.Stream, ProtocolType.Tcp);", "public Socket Client => client;")]
        public async Task StateGuardOrSocketThatLeavesTheType_DoesNotReport(string connect, string others) =>
            await Verify.VerifyAsync(Id, Form(connect, others));

        [Theory]
        [InlineData("Form1_Load")]
        [InlineData("MainWindow_Loaded")]
        [InlineData("Form1_Shown")]
        public async Task HandlerOfAnEventThatFiresOncePerForm_DoesNotReport(string handler) =>
            await Verify.VerifyAsync(Id, Form("client = new Socket(SocketType.Stream, ProtocolType.Tcp);", string.Empty).Replace("Connect_Click", handler));
    }
}
