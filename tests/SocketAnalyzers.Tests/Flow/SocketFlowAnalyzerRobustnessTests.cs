using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>
    /// The flow host analyzer on code that stresses the engine: the test library fails on any analyzer exception
    /// (AD0001), so each of these asserts "no crash, no false protocol report" (the code leaks on purpose: the lifetime
    /// rules are asserted in their own tests). Not timed: the cost is measured in benchmarks/.
    /// </summary>
    public sealed class SocketFlowAnalyzerRobustnessTests
    {
        [Fact]
        public async Task HugeGeneratedMethodWithDeepLoops_CompletesWithoutDiagnostics()
        {
            var source = new StringBuilder("using System.Net;\nusing System.Net.Sockets;\n\nclass C\n{\n    void M(IPEndPoint ep, int n)\n    {\n        var x = 0;\n");
            for (var i = 0; i < 20; i++)
            {
                source.Append("        var s").Append(i).Append(" = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);\n");
                source.Append("        s").Append(i).Append(".Connect(ep);\n");
            }

            for (var i = 0; i < 1500; i++)
            {
                source.Append("        if (n == ").Append(i).Append(") { s").Append(i % 20).Append(".Send(new byte[1]); } else { x += ").Append(i).Append("; }\n");
            }

            for (var depth = 0; depth < 30; depth++)
            {
                source.Append("        for (var i").Append(depth).Append(" = 0; i").Append(depth).Append(" < n; i").Append(depth).Append("++) {\n");
                source.Append("        if (x > ").Append(depth).Append(") s0.Receive(new byte[1]); else s1.Send(new byte[1]);\n");
            }

            source.Append("        s0.Dispose();\n").Append(' ', 8).Append('}', 30).Append("\n    }\n}\n");

            await VerifyProtocolRulesAsync(source.ToString());
        }

        [Fact]
        public async Task RealisticCorrectCode_IsQuiet() =>
            await VerifyProtocolRulesAsync(SocketAnalyzers.Benchmarks.Corpus.RealisticServer.Source);

        [Fact]
        public async Task RecursiveHelpersAndBrokenCode_DoNotThrow()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        Ping(s, 3);
                        s.Connect(ep);
                        {|CS0103:Missing|}(s).Listen();
                        s.{|CS7036:Bind|}();
                        var t = new Socket(AddressFamily.InterNetwork, {|CS0103:Unknown|}, ProtocolType.Tcp);
                        t.Listen();
                    }

                    static void Ping(Socket s, int n) { if (n > 0) Pong(s, n - 1); }
                    static void Pong(Socket s, int n) => Ping(s, n);
                }
                """;

            await VerifyProtocolRulesAsync(source);
        }

        private static Task VerifyProtocolRulesAsync(string source)
        {
            var test = CSharpAnalyzerVerifier<SocketFlowAnalyzer>.CreateTest(source);
            foreach (var descriptor in new SocketFlowAnalyzer().SupportedDiagnostics)
            {
                if (descriptor.Category != "SocketProtocol")
                {
                    test.DisabledDiagnostics.Add(descriptor.Id);
                }
            }

            return test.RunAsync(CancellationToken.None);
        }
    }
}
