using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>Issue 13: a count stored and overwritten before anything reads it is thrown away.</summary>
    public sealed partial class ReceiveResultIgnoredAnalyzerTests
    {
        public static TheoryData<string, string> OverwrittenCounts => new()
        {
            // The 4-byte length prefix: its count is overwritten by the body's receives, which alone are checked.
            {
                "var prefix = new byte[4]; int recv; recv = socket.{|#0:Receive|}(prefix, 0, 4, SocketFlags.None); var total = 0; var length = BitConverter.ToInt32(prefix, 0); var data = new byte[length]; "
                + "while (total < length) { recv = socket.Receive(data, total, length - total, SocketFlags.None); if (recv == 0) break; total += recv; } Show(Encoding.ASCII.GetString(data, 0, total));",
                "Socket.Receive"
            },
            { "int n = stream.{|#0:Read|}(buffer, 0, 4); Show(BitConverter.ToInt32(buffer, 0).ToString()); n = stream.Read(buffer, 0, buffer.Length); OnData(buffer, 0, n);", "NetworkStream.Read" },
            // Out of an if branch to the overwrite after it.
            { "int n = 0; if (size > 0) { n = socket.{|#0:Receive|}(buffer); Show(Encoding.ASCII.GetString(buffer)); } n = socket.Receive(buffer); OnData(buffer, 0, n);", "Socket.Receive" },
            // The last store, after a read of an earlier one, outside any loop.
            { "int n = socket.Receive(buffer); OnData(buffer, 0, n); n = socket.{|#0:Receive|}(buffer); Show(Encoding.ASCII.GetString(buffer));", "Socket.Receive" },
            // Traps: in a lambda, a local function.
            { "Action a = () => { int n; n = socket.{|#0:Receive|}(buffer); Show(BitConverter.ToInt32(buffer, 0).ToString()); n = socket.Receive(buffer); OnData(buffer, 0, n); }; a();", "Socket.Receive" },
            { "Local(); void Local() { int n = stream.{|#0:Read|}(buffer, 0, 8); Show(BitConverter.ToInt64(buffer, 0).ToString()); for (var i = 0; i < 2; i++) { n = stream.Read(buffer, 0, 8); OnData(buffer, 0, n); } }", "NetworkStream.Read" },
        };

        [Theory]
        [MemberData(nameof(OverwrittenCounts))]
        public async Task CountOverwrittenBeforeRead_Reports(string statements, string member) =>
            await Verify.VerifyAsync(BoundsCode(statements), Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments(member));

        [Theory]
        // Read before the overwrite, or on a path that skips it.
        [InlineData("int n = socket.Receive(buffer); if (n == 0) return; OnData(buffer, 0, n); n = socket.Receive(buffer); OnData(buffer, 0, n);")]
        [InlineData("int n = socket.Receive(buffer); if (size > 0) n = socket.Receive(buffer); OnData(buffer, 0, n);")]
        [InlineData("int n = socket.Receive(buffer); if (size > 0) { n = socket.Receive(buffer); } else { OnData(buffer, 0, n); } Show(n.ToString());")]
        [InlineData("int n = socket.Receive(buffer); while (size > 0) { OnData(buffer, 0, n); n = socket.Receive(buffer); }")]
        [InlineData("int n = socket.Receive(buffer); while (size-- > 0) { n = socket.Receive(buffer); } OnData(buffer, 0, n);")]
        [InlineData("int n = socket.Receive(buffer), m = n; OnData(buffer, 0, m); n = socket.Receive(buffer); OnData(buffer, 0, n);")]
        [InlineData("int n; OnData(buffer, 0, n = socket.Receive(buffer)); n = socket.Receive(buffer); OnData(buffer, 0, n);")]
        [InlineData("int n = socket.Receive(buffer); n = n + socket.Receive(buffer); OnData(buffer, 0, n);")]
        // A loop around the store: the next iteration reads it.
        [InlineData("int n = 0; while (size > 0) { if (n > 0) OnData(buffer, 0, n); n = socket.Receive(buffer); }")]
        // A try: the catch may read it; a lambda reads it whenever it runs.
        [InlineData("int n = 0; try { n = socket.Receive(buffer); n = socket.Receive(buffer); } catch (SocketException) { OnData(buffer, 0, n); } OnData(buffer, 0, n);")]
        [InlineData("int n = socket.Receive(buffer); Action a = () => OnData(buffer, 0, n); a(); n = socket.Receive(buffer); OnData(buffer, 0, n);")]
        public async Task CountReadBeforeOverwriteOrUnknown_DoesNotReport(string statements) =>
            await Verify.VerifyAsync(BoundsCode(statements));
    }
}
