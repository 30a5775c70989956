using System;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>The code-fix assembly of the package, applied outside the IDE by `dotnet format analyzers`.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class CodeFixTests
    {
        private readonly PackageFixture fixture;

        public CodeFixTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void FormatAnalyzers_AppliesTheSOCK109Fix_AndTheRebuildNoLongerReportsIt()
        {
            var consumer = fixture.CreateConsumer("format-sock109", SocketMistakesProgram.Source);

            var format = consumer.Format("analyzers", "--diagnostics", "SOCK109");

            Assert.True(format.Succeeded, format.ToString());
            var fixedSource = consumer.ReadFile("Program.cs");
            Assert.Equal(
                SocketMistakesProgram.Source.Replace(
                    "SocketType.Stream, ProtocolType.Udp",
                    "SocketType.Stream, ProtocolType.Tcp",
                    StringComparison.Ordinal),
                fixedSource.ReplaceLineEndings("\n"));

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            Assert.Empty(build.DiagnosticsWithId("SOCK109"));
            Assert.Single(build.DiagnosticsWithId("SOCK101"));
        }
    }
}
