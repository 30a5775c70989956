using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using DisposeOnFailure = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.DisposeOnFailureFix>;
using AddUsing = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.AddUsingFix>;
using DisposeField = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Lifetime.SocketFieldDisposalAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.DisposeSocketFieldFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Lifetime
{
    /// <summary>
    /// The lifetime fixes are not offered where they do not fit: findings on a field store (a using or a try/catch around
    /// a local cannot own what a field holds) and SOCK204 findings decided at compilation end.
    /// </summary>
    public sealed class FieldFindingsHaveNoFixTests
    {
        [Fact]
        public async Task ConstructorStoreThenBind_NoDisposeOnFailure()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class UdpListenerService : IDisposable
                {
                    private readonly Socket socket;

                    public UdpListenerService(int port)
                    {
                        {|#0:socket|} = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket.{|#1:Bind|}(new IPEndPoint(IPAddress.Any, port));
                    }

                    public void Dispose() => socket.Dispose();
                }
                """;

            await DisposeOnFailure.VerifyFixAsync(source, new[] { DisposeOnFailure.Diagnostic("SOCK202").WithLocation(0).WithLocation(1).WithArguments("socket", "Bind") }, source);
        }

        [Fact]
        public async Task FieldReplacedOrClientNulled_NoAddUsing()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Prober : IDisposable
                {
                    private TcpClient client;

                    private void Probe(string primary, string backup)
                    {
                        client = new TcpClient();
                        client.Connect(primary, 80);
                        {|#0:client = new TcpClient()|};
                        client.Connect(backup, 80);
                        var local = new TcpClient();
                        try
                        {
                            local.Connect(primary, 80);
                            {|#1:local.Client = null|};
                        }
                        finally
                        {
                            local.Dispose();
                        }
                    }

                    public void Dispose() => client?.Dispose();
                }
                """;

            await AddUsing.VerifyFixAsync(
                source,
                new[]
                {
                    AddUsing.Diagnostic("SOCK201").WithLocation(0).WithArguments("client", "this write replaces the socket it holds while that one is still open"),
                    AddUsing.Diagnostic("SOCK201").WithLocation(1).WithArguments("local.Client", "setting it to null orphans the socket, and disposing the TcpClient no longer closes it"),
                },
                source);
        }

        [Fact]
        public async Task PerConnectionClassDecidedAtCompilationEnd_NoDisposeField()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Session
                {
                    private readonly TcpClient {|#0:client|};

                    public Session(TcpClient client) => this.client = {|#1:client|};
                }

                class Server
                {
                    public void Serve(TcpListener listener) => new Session(listener.AcceptTcpClient());
                }
                """;

            // The testing library refuses any fix for a diagnostic it cannot compute within the document; with that
            // check off, the document must come back unchanged: the fix offers nothing.
            var test = DisposeField.CreateTest(source, source);
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            test.ExpectedDiagnostics.Add(DisposeField.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Session", "TcpClient", "client", "does not implement IDisposable"));
            await test.RunAsync();
        }
    }
}
