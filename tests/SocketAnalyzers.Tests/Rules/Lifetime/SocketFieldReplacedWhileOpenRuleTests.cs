using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>SOCK201 on fields: a write that replaces or drops a socket the field still holds open.</summary>
    public sealed class SocketFieldReplacedWhileOpenRuleTests
    {
        private const string Id = "SOCK201";

        private const string Rerun = "'{0}' {1} and this write replaces the socket the field holds without closing it";

        [Fact]
        public async Task HandlerOfAnUnresolvedUiFramework_ClosedThroughItsStream_Reports()
        {
            // RoutedEventArgs does not bind (no WPF reference, or code typed mid-edit): its name still says event args.
            // The type closes the client through the stream it took from it (J7).
            const string source = /* lang=c#-test */ """
                using System.IO;
                using System.Net.Sockets;

                sealed class MainWindow
                {
                    private TcpClient connection;
                    private Stream stream;

                    private void Connect_Click(object sender, {|CS0246:RoutedEventArgs|} e)
                    {
                        {|#0:connection = new TcpClient("localhost", 80)|};
                        stream = connection.GetStream();
                    }

                    private void Disconnect_Click(object sender, {|CS0246:RoutedEventArgs|} e)
                    {
                        stream.Close();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("connection", string.Format(Rerun, "Connect_Click", "handles an event that can fire again")));
        }

        [Fact]
        public async Task EventHandlerReplacesTheClient_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class MainForm
                {
                    private TcpClient client;
                    private string host = "localhost";

                    void Connect_Click(object sender, EventArgs e)
                    {
                        {|#0:client = new TcpClient()|};
                        client.Connect(host, 80);
                    }

                    void Disconnect_Click(object sender, EventArgs e)
                    {
                        client?.Close();
                        client = null;
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("client", string.Format(Rerun, "Connect_Click", "handles an event that can fire again")));
        }

        [Fact]
        public async Task HandlerNullsWithoutClosing_ReportsButAPublicStartAloneDoesNot()
        {
            // A public Start is no evidence that it runs twice; the Stop button's handler drops the open listener.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                public sealed class ServerForm : IDisposable
                {
                    private TcpListener listener;

                    public void Start(int port)
                    {
                        listener = new TcpListener(IPAddress.Loopback, port);
                        listener.Start();
                    }

                    private void Stop_Click(object sender, EventArgs e)
                    {
                        {|#0:this.listener = null|};
                    }

                    public void Dispose() => listener?.Stop();
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("listener", "setting it to null drops the socket it holds without closing it"));
        }

        [Fact]
        public async Task SameBodyReplacesOrDrops_Report()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Prober : IDisposable
                {
                    private TcpClient client;

                    private void Probe(string primary, string backup, bool keep)
                    {
                        client = new TcpClient();
                        client.Connect(primary, 80);
                        {|#0:client = new TcpClient()|};
                        client.Connect(backup, 80);
                        if (!keep)
                        {
                            {|#1:client = null|};
                        }
                    }

                    public void Dispose() => client?.Dispose();
                }
                """;

            await Verify.VerifyAsync(
                Id,
                source,
                Verify.Diagnostic(Id).WithLocation(0).WithArguments("client", "this write replaces the socket it holds while that one is still open"),
                Verify.Diagnostic(Id).WithLocation(1).WithArguments("client", "setting it to null drops the socket it holds while that one is still open"));
        }

        [Fact]
        public async Task LocalFunctionReplaces_Reports_FinallyClosesFirst_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Prober : IDisposable
                {
                    private TcpClient client;
                    private TcpClient other;

                    private void Probe(string primary, string backup)
                    {
                        Local();

                        void Local()
                        {
                            client = new TcpClient();
                            client.Connect(primary, 80);
                            {|#0:client = new TcpClient()|};
                        }

                        other = new TcpClient();
                        try
                        {
                            other.Connect(primary, 80);
                        }
                        finally
                        {
                            other.Close();
                        }

                        other = new TcpClient();
                    }

                    public void Dispose()
                    {
                        client?.Dispose();
                        other?.Dispose();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("client", "this write replaces the socket it holds while that one is still open"));
        }

        [Fact]
        public async Task RetryLoopKeepsTheFailedAttemptInTheField_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Connector : IDisposable
                {
                    private TcpClient client;

                    private void ConnectWithRetry(string host, int port)
                    {
                        while (true)
                        {
                            {|#0:client = new TcpClient()|};
                            try
                            {
                                client.Connect(host, port);
                                return;
                            }
                            catch (SocketException)
                            {
                            }
                        }
                    }

                    public void Dispose() => client?.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("client", "the next iteration replaces the socket it holds while that one is still open"));
        }

        [Fact]
        public async Task ClosedOrGuardedBeforeTheWrite_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                public sealed class Guarded : IDisposable
                {
                    private TcpClient a, b, c, d, e, f;
                    private bool running;

                    void ClosesFirst(object s, EventArgs x) { a?.Close(); a = new TcpClient(); }
                    void NullGuard(object s, EventArgs x) { if (b != null) return; b = new TcpClient(); }
                    void OnlyWhenNull(object s, EventArgs x) { if (c == null) c = new TcpClient(); }
                    void FlagGuard(object s, EventArgs x) { if (running) return; running = true; d = new TcpClient(); }
                    void ThroughAHelper(object s, EventArgs x) { Disconnect(); e = new TcpClient(); }
                    void KeepsTheOldOne(object s, EventArgs x) { var old = f; f = new TcpClient(); old?.Dispose(); }

                    private void Disconnect() => e?.Dispose();

                    public void Dispose()
                    {
                        a?.Dispose(); b?.Dispose(); c?.Dispose(); d?.Dispose(); e?.Dispose(); f?.Dispose();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task NoEvidenceTheMethodRunsAgainOrThatTheTypeOwnsTheField_Silent()
        {
            // Constructor, private method, a lambda handler. (A handler replacing a field the type never closes is reported
            // since the type keeps each socket for good: FieldReplacedByHandlerTests.)
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                public sealed class Quiet : IDisposable
                {
                    private TcpClient a, b;
                    public event EventHandler Clicked;

                    public Quiet()
                    {
                        a = new TcpClient();
                        Clicked += (s, e) => { b = new TcpClient(); };
                    }

                    private void Reconnect() { a = new TcpClient(); }

                    public void Dispose() { a?.Dispose(); b?.Dispose(); }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task LoopsThatCloseOrHandTheClientToAThread_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;
                using System.Threading;

                sealed class Loops : IDisposable
                {
                    private TcpClient client;
                    private TcpClient current;
                    private TcpListener listener;

                    private void Retry(string host, int port)
                    {
                        while (true)
                        {
                            client = new TcpClient();
                            try
                            {
                                client.Connect(host, port);
                                return;
                            }
                            catch (SocketException)
                            {
                                client.Close();
                            }
                        }
                    }

                    private void Serve()
                    {
                        while (true)
                        {
                            current = listener.AcceptTcpClient();
                            new Thread(Handle).Start();
                        }
                    }

                    private void Handle()
                    {
                        using var mine = current;
                    }

                    public void Dispose() { client?.Dispose(); current?.Dispose(); listener?.Stop(); }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }
    }
}
