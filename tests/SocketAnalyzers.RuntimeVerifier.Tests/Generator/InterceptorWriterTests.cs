extern alias generator;

using System;
using System.Collections.Immutable;
using generator::SocketAnalyzers.RuntimeVerifier.Generator;

namespace SocketAnalyzers.RuntimeVerifier.Tests.Generator
{
    /// <summary>Details of the generated text that no current .NET member exercises through the full generator.</summary>
    public sealed class InterceptorWriterTests
    {
        [Fact]
        public void ObsoleteOrExperimentalDiagnosticIds_AreSuppressedOnce_AndNonIdentifiersNever()
        {
            var sites = ImmutableArray.Create(Site("SYSLIB9999"), Site("SYSLIB9999"), Site("EXP001"), Site("bad id; #error"));

            var text = InterceptorWriter.Write(sites, projectDirectory: null);

            Assert.Contains("#pragma warning disable CS0612, CS0618 // obsolete members are intercepted as the program calls them\n#pragma warning disable EXP001\n#pragma warning disable SYSLIB9999\n\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("#error", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Paths_AreRelativeToTheProjectFolder_WithForwardSlashes()
        {
            var site = Site(null) with { FilePath = @"C:\src\app\Net\Client.cs" };

            var text = InterceptorWriter.Write(ImmutableArray.Create(site), projectDirectory: @"C:\src\app\");

            Assert.Contains("CallSite(\"Net/Client.cs\", 3, 9,", text, StringComparison.Ordinal);
        }

        private static CallSiteModel Site(string? suppressed) => new(
            "/app/Program.cs",
            3,
            9,
            "Socket",
            "Close",
            "global::System.Net.Sockets.Socket",
            "void",
            new EquatableArray<ParameterModel>(ImmutableArray<ParameterModel>.Empty),
            OperationRefinement.None,
            Borrowed: false,
            CreationLine: 0,
            CreationColumn: 0,
            CreationFile: null,
            CreationMember: null,
            CreationAccepted: false,
            "[global::System.Runtime.CompilerServices.InterceptsLocationAttribute(1, \"AAAA\")]",
            ReturnsTaskOfAccepted: false,
            suppressed);
    }
}
