using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Rules.Lifetime;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>Correct code in shapes the other tests do not cover: no lifetime rule may report.</summary>
    public sealed class SocketLifetimeValidCodeTests
    {
        [Theory]
        [InlineData("Socket? s = null; try { s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); return s; } catch { s?.Dispose(); throw; }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); using (s) { s.Connect(ep); } return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); switch (ep.AddressFamily) { case AddressFamily.InterNetwork: s.Dispose(); break; default: s.Close(); break; } return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); try { s.Connect(ep); } finally { if (s.Connected) { s.Shutdown(SocketShutdown.Both); } s.Close(); } return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Dispose(); s = new Socket(SocketType.Dgram, ProtocolType.Udp); s.Dispose(); return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); var args = new SocketAsyncEventArgs(); args.AcceptSocket = s; return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Close(1); return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); ((System.IDisposable)s).Dispose(); return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); this.sockets[0] = s; return null;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); Interlocked.Exchange(ref this.current, s)?.Dispose(); return null;")]
        [InlineData("System.Func<Socket> f = () => new Socket(SocketType.Stream, ProtocolType.Tcp); return f();")]
        [InlineData("var pair = (new Socket(SocketType.Stream, ProtocolType.Tcp), 1); return pair.Item1;")]
        [InlineData("foreach (var family in new[] { AddressFamily.InterNetwork }) { using var s = new Socket(family, SocketType.Stream, ProtocolType.Tcp); if (s.Poll(0, SelectMode.SelectRead)) { continue; } } return null;")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0); try { l.Start(); return l.AcceptSocket(); } finally { l.Stop(); }")]
        [InlineData("return TryCreate(out var s) ? s : null;")]
        public async Task CorrectCode_DoesNotReport(string body)
        {
            var source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;

                class C
                {
                    private readonly Socket[] sockets = new Socket[1];
                    private Socket? current;

                    Socket? M(EndPoint ep)
                    {
                """ + body + """

                    }

                    static bool TryCreate(out Socket s)
                    {
                        s = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        return true;
                    }
                }
                """;

            var test = CSharpAnalyzerVerifier<SocketFlowAnalyzer>.CreateTest(source);
            await test.RunAsync(CancellationToken.None);
        }
    }
}
