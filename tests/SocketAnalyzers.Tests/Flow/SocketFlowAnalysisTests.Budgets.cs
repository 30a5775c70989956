using System.Text;
using System.Threading;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Tests.Flow.FlowTestHost;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>Loops, recursion and size: the analysis terminates, gives up quietly, and honours cancellation.</summary>
    public sealed partial class SocketFlowAnalysisTests
    {
        [Fact]
        public void DeeplyNestedLoops_Converge()
        {
            var body = new StringBuilder();
            for (var i = 0; i < 40; i++)
            {
                body.Append("for (var i").Append(i).Append(" = 0; i").Append(i).Append(" < n; i").Append(i).Append("++) { if (n > ").Append(i).Append(") s.Bind(ep); else t = s; ");
            }

            body.Append("s.Connect(ep);").Append('}', 40);
            var result = Analyze("class C { void M(IPEndPoint ep, int n) { var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); Socket t = s; " + body + " s.Close(); } }");

            Assert.True(result.IsComplete);
            Assert.Equal(SocketStates.Of(SocketState.Closed), Created(result.NormalExit, "s").Value.States);
        }

        [Fact]
        public void HugeMethod_CompletesOrGivesUpQuietly()
        {
            var body = new StringBuilder();
            for (var i = 0; i < 2000; i++)
            {
                body.Append("if (n == ").Append(i).Append(") { s").Append(i % 50).Append(".Send(new byte[1]); } else { x += ").Append(i).Append("; }\n");
            }

            var declarations = new StringBuilder();
            for (var i = 0; i < 50; i++)
            {
                declarations.Append("var s").Append(i).Append(" = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);\n");
            }

            var result = Analyze("class C { void M(int n) { var x = 0; " + declarations + body + " } }");

            Assert.True(result.IsComplete);
            Assert.Equal(2000, System.Linq.Enumerable.Count(result.Steps, s => s.MemberDisplay == "Send"));
        }

        [Fact]
        public void MoreObjectsThanTheBudget_AreUntracked()
        {
            var body = new StringBuilder();
            for (var i = 0; i < 80; i++)
            {
                body.Append("var s").Append(i).Append(" = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s").Append(i).Append(".Listen();\n");
            }

            var result = Analyze("class C { void M() { " + body + " } }");

            Assert.Equal(SocketAnalyzers.Flow.FlowBudget.MaxTrackedObjects, result.Objects.Length);
            Assert.Equal(SocketAnalyzers.Flow.FlowBudget.MaxTrackedObjects, System.Linq.Enumerable.Count(result.Steps, s => s.Before is not null));
        }

        [Fact]
        public void RecursiveAndDeepHelpers_GetNoSummaryPastTheDepth()
        {
            var result = Analyze("""
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        A(s, ep);
                        s.Listen();
                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        D1(t, ep);
                        t.Listen();
                        var u = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        D3(u, ep);
                        u.Listen();
                    }

                    static void A(Socket s, IPEndPoint ep) { if (ep.Port == 0) B(s, ep); else s.Bind(ep); }
                    static void B(Socket s, IPEndPoint ep) => A(s, ep);
                    static void D1(Socket s, IPEndPoint ep) => D2(s, ep);
                    static void D2(Socket s, IPEndPoint ep) => D3(s, ep);
                    static void D3(Socket s, IPEndPoint ep) => D4(s, ep);
                    static void D4(Socket s, IPEndPoint ep) => s.Bind(ep);
                }
                """);

            Assert.True(result.IsComplete);
            Assert.True(result.Steps[0].Before!.IsUnknown);
            Assert.True(result.Steps[1].Before!.IsUnknown);
            Assert.Equal(SocketStates.Of(SocketState.Bound), result.Steps[2].Before!.States);
        }

        [Fact]
        public void Cancellation_IsHonoured()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            Assert.ThrowsAny<System.OperationCanceledException>(() => Analyze("class C { void M() { new Socket(SocketType.Stream, ProtocolType.Tcp).Listen(); } }", "M", cancelled.Token));
        }
    }
}
