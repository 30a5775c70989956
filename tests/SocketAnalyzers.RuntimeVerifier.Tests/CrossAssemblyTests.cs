using System;
using System.Linq;
using System.Net.Sockets;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.RuntimeVerifier.TestLibrary;
using static SocketAnalyzers.RuntimeVerifier.Tests.VerifierScope;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>One socket, calls from two verified assemblies: one state, one history.</summary>
    public sealed class CrossAssemblyTests
    {
        [Fact]
        public void BoundInALibrary_BoundAgainHere_IsReportedWithBothSites()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();
            LibrarySocketCalls.BindToLoopback(socket);

            Assert.Throws<SocketException>(() => socket.Bind(Loopback.AnyPort)); var line = Line();

            var violation = scope.Single(DiagnosticIds.BindOnBoundSocket);
            Assert.Equal(line, violation.Site.Line);
            Assert.Equal(new[] { "LibrarySocketCalls.cs", "CrossAssemblyTests.cs" }, violation.History.Select(access => access.Site.File).ToArray());
        }

        [Fact]
        public void ClosedInALibrary_UsedHere_IsReportedAsUseAfterClose()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var pair = ConnectedPair.Open();
            LibrarySocketCalls.Close(pair.Client);

            Assert.Throws<ObjectDisposedException>(() => pair.Client.Send(new byte[1])); var line = Line();

            Assert.Equal(line, scope.Single(DiagnosticIds.UseAfterClose).Site.Line);
        }
    }
}
