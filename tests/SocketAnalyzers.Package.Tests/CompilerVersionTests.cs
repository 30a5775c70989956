using System;
using System.Linq;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// The analyzers are compiled against Roslyn 4.8 so that compilers older than the SDK's own load them. The oldest
    /// compiler the registry serves as a package, Microsoft.Net.Compilers.Toolset 4.14.0, stands in for them.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class CompilerVersionTests
    {
        private const string ToolsetVersion = "4.14.0";

        private readonly PackageFixture fixture;

        public CompilerVersionTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void PinnedCompiler414_LoadsTheAnalyzers_AndReportsTheRules()
        {
            var options = new ConsumerOptions().PinCompilerToolset(ToolsetVersion);
            options.Properties["ErrorLog"] = "$(MSBuildProjectDirectory)/out.sarif,version=2.1";
            var consumer = fixture.CreateConsumer("compiler-4.14", SocketMistakesProgram.Source, options);

            var build = consumer.Build();

            Assert.True(build.Succeeded, build.ToString());
            Assert.Equal(ToolsetVersion, consumer.ReadSarif("out.sarif").ToolVersion);

            // Both rules, and nothing else: no CS8032 (assembly not loaded) or AD0001 (analyzer threw) on this compiler.
            Assert.Equal(new[] { "SOCK101", "SOCK109" }, build.Diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        }
    }
}
