using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Lifetime.SocketFieldDisposalAnalyzer>;
using VerifyFix = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Lifetime.SocketFieldDisposalAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.DisposeSocketFieldFix>;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// SOCK204 on Unity scripts: a MonoBehaviour lives for a play session, not for the process (the editor keeps its
    /// process between sessions), so a socket even in a static field outlives the session that opened it.
    /// </summary>
    public sealed class UnitySocketFieldTests
    {
        private const string Reason = "never closes it: Unity keeps the process when play stops or the object is destroyed (close it in OnDestroy)";

        private static string Script(string fields, string members) => """
            using System.Net.Sockets;
            using System.Threading;

            public class MonoBehaviour { }

            public class Receiver : MonoBehaviour
            {
            """ + fields + """

                Thread thread;

                void Start()
                {
                    udp = {|#1:new UdpClient(12345)|};
                    thread = new Thread(Run);
                    thread.Start();
                }

                void Run()
                {
                    while (true)
                    {
                        System.Net.IPEndPoint from = null;
                        udp.Receive(ref from);
                    }
                }

            """ + members + """

            }
            """;

        [Theory]
        [InlineData("static UdpClient {|#0:udp|};")]
        [InlineData("private UdpClient {|#0:udp|};")]
        public async Task NeverClosed_Reports(string field) =>
            await Verify.VerifyAsync(Script(field, "void OnApplicationQuit() { thread.Abort(); }"),
                Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Receiver", "UdpClient", "udp", Reason));

        [Theory]
        [InlineData("static UdpClient udp;", "void OnDestroy() { udp.Close(); }")]
        [InlineData("static UdpClient udp;", "void OnApplicationQuit() { udp?.Dispose(); thread.Abort(); }")]
        [InlineData("private UdpClient udp;", "void OnDisable() { if (udp != null) udp.Close(); }")]
        public async Task ClosedByALifecycleMessage_DoesNotReport(string field, string members) =>
            await Verify.VerifyAsync(Script(field, members).Replace("{|#1:", string.Empty).Replace(")|};", ");"));

        [Fact]
        public async Task StaticFieldOfAnOrdinaryType_DoesNotReport() =>
            await Verify.VerifyAsync(Script("static UdpClient udp;", string.Empty).Replace(" : MonoBehaviour", string.Empty).Replace("{|#1:", string.Empty).Replace(")|};", ");"));

        [Fact]
        public async Task NoDisposeFixOnAUnityScript() =>
            await VerifyFix.VerifyFixAsync(
                Script("private UdpClient {|#0:udp|};", string.Empty),
                new[] { VerifyFix.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Receiver", "UdpClient", "udp", Reason) },
                Script("private UdpClient {|#0:udp|};", string.Empty)); // unchanged: Unity never calls Dispose on a behaviour
    }
}
