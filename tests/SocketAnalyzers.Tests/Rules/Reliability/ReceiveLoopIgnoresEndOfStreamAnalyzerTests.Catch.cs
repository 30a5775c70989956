using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>Issue 13: a flag cleared only in a catch never changes after the peer closes (a 0 is no exception, D12).</summary>
    public sealed partial class ReceiveLoopIgnoresEndOfStreamAnalyzerTests
    {
        public static TheoryData<string, string> FlagsClearedOnlyInCatch => new()
        {
            { "bool ok = true; int n = 0; while (ok) { try { n = await stream.{|#0:ReadAsync|}(buffer, 0, buffer.Length); } catch { ok = false; } sink.Write(buffer, 0, n); }", "NetworkStream.ReadAsync" },
            { "while (running) { try { stream.{|#0:Read|}(buffer, 0, buffer.Length); } catch { running = false; break; } sink.Write(buffer, 0, 4); }", "NetworkStream.Read" },
            { "var ok = true; while (ok) { try { var n = socket.{|#0:Receive|}(buffer); sink.Write(buffer, 0, n); } catch (SocketException) when (Keep()) { ok = false; } }", "Socket.Receive" },
            // Traps: a catch around a try/finally, a for loop's own variable, a count tested only in the catch's twin.
            { "var ok = true; while (ok) { try { try { socket.{|#0:Receive|}(buffer); } finally { sink.Flush(); } } catch (IOException) { ok = false; } }", "Socket.Receive" },
            { "for (var ok = true; ok;) { try { var n = socket.{|#0:Receive|}(buffer); if (n > 0) sink.Write(buffer, 0, n); } catch { ok = false; } }", "Socket.Receive" },
            { "var errors = 0; while (errors < 3) { try { var n = socket.{|#0:Receive|}(buffer); sink.Write(buffer, 0, n); } catch { errors++; } }", "Socket.Receive" },
        };

        [Theory]
        [MemberData(nameof(FlagsClearedOnlyInCatch))]
        public async Task FlagClearedOnlyInCatch_Reports(string loop, string member) =>
            await Verify.VerifyAsync(Code(loop), Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));

        [Theory]
        // Also written on a normal path, in a finally, or the 0 reaches an exit.
        [InlineData("var ok = true; while (ok) { try { socket.Receive(buffer); ok = Keep(); } catch { ok = false; } }")]
        [InlineData("var ok = true; while (ok) { try { socket.Receive(buffer); } catch { ok = false; } finally { ok = Keep(); } }")]
        [InlineData("var ok = true; while (ok) { try { var n = socket.Receive(buffer); if (n == 0) break; } catch { ok = false; } }")]
        [InlineData("var ok = true; while (ok) { try { var n = socket.Receive(buffer); if (n == 0) ok = false; } catch { ok = false; } }")]
        [InlineData("var errors = 0; while (errors < 3) { try { socket.Receive(buffer); errors = 0; } catch { errors++; } }")]
        // A loop written inside the catch is the catch's own loop, with its own writes.
        [InlineData("var ok = true; while (ok) { try { socket.Receive(buffer); } catch { while (ok) { ok = Keep(); } } ok = Keep(); }")]
        public async Task FlagAlsoWrittenOnANormalPath_DoesNotReport(string loop) =>
            await Verify.VerifyAsync(Code(loop));
    }
}
