using System;
using System.IO;
using System.Net.Sockets;
using SocketAnalyzers.Diagnostics;
using static SocketAnalyzers.RuntimeVerifier.Tests.VerifierScope;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>Log, throw, callback and off: what each mode does with the same violation.</summary>
    public sealed class ReportModeTests
    {
        [Fact]
        public void ThrowMode_ThrowsTheDedicatedException_BeforeTheCallRuns()
        {
            using var scope = new VerifierScope(ReportMode.Throw);
            using var socket = Loopback.Tcp();

            var error = Assert.Throws<SocketProtocolViolationException>(() => socket.Listen()); var line = Line();

            Assert.Equal(DiagnosticIds.ListenOnUnboundSocket, error.Violation.RuleId);
            Assert.Equal(line, error.Violation.Site.Line);
            Assert.Contains("SOCK103 at ReportModeTests.cs(" + line + ",", error.Message, StringComparison.Ordinal);
            // The real Listen never ran: the socket is not listening.
            Assert.Equal(0, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.AcceptConnection)!);
        }

        [Fact]
        public void LogMode_WritesOneLineToStderr_AndTheRealExceptionIsUnchanged()
        {
            using var scope = new VerifierScope(ReportMode.Log);
            using var socket = Loopback.Tcp();
            socket.Bind(Loopback.AnyPort);
            var previousError = Console.Error;
            var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                var error = Assert.Throws<SocketException>(() => socket.Bind(Loopback.AnyPort)); var line = Line();

                Assert.Equal(SocketError.InvalidArgument, error.SocketErrorCode);
                var lines = captured.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var report = Assert.Single(lines);
                Assert.StartsWith("SocketAnalyzers: ReportModeTests.cs(" + line + ",", report, StringComparison.Ordinal);
                Assert.Contains(": SOCK107: Socket.Bind on a Stream Socket in state Bound throws SocketException (InvalidArgument)", report, StringComparison.Ordinal);
            }
            finally
            {
                Console.SetError(previousError);
            }
        }

        [Fact]
        public void CallbackMode_WritesNothing_AndCallsTheHandler()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();
            var previousError = Console.Error;
            var captured = new StringWriter();
            Console.SetError(captured);
            try
            {
                Assert.Throws<SocketException>(() => socket.Receive(new byte[1]));
            }
            finally
            {
                Console.SetError(previousError);
            }

            Assert.Equal(string.Empty, captured.ToString());
            Assert.Equal(DiagnosticIds.SendReceiveOnUnconnectedSocket, Assert.Single(scope.Violations).RuleId);
        }

        [Fact]
        public void OffMode_ChecksNothing_AndTracksNothing()
        {
            using var scope = new VerifierScope(ReportMode.Off);
            using var socket = Loopback.Tcp();

            Assert.Throws<SocketException>(() => socket.Send(new byte[1]));

            Assert.Empty(scope.Violations);
            Assert.False(SocketMonitor.Trackers.TryGetValue(socket, out _));
        }

        [Fact]
        public void SameMistakeInALoop_IsReportedOncePerSite()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();

            for (var i = 0; i < 3; i++)
            {
                Assert.Throws<SocketException>(() => socket.Send(new byte[1]));
            }

            Assert.Single(scope.Violations);
        }

        [Fact]
        public void FailingHandler_DoesNotChangeTheProgram()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            EventHandler<SocketViolation> failing = (_, _) => throw new InvalidOperationException("handler bug");
            SocketVerifier.ViolationReported += failing;
            try
            {
                using var socket = Loopback.Tcp();
                Assert.Throws<SocketException>(() => socket.Send(new byte[1]));
            }
            finally
            {
                SocketVerifier.ViolationReported -= failing;
            }

            Assert.Single(scope.Violations);
        }
    }
}
