using System.IO;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>A development dependency adds nothing to the program it analyzes.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class ConsumerOutputTests
    {
        private readonly PackageFixture fixture;

        public ConsumerOutputTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void BuildOutput_HoldsNoAnalyzerAssembly_AndTheProgramRuns()
        {
            var consumer = fixture.SharedConsumer("socket-mistakes", SocketMistakesProgram.Source);
            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());

            var output = Path.Combine(consumer.Directory, "bin");
            Assert.Empty(Directory.GetFiles(output, "SocketAnalyzers*", SearchOption.AllDirectories));
            var dependencies = File.ReadAllText(Path.Combine(output, "Debug", "net10.0", "Consumer.deps.json"));
            Assert.DoesNotContain(PackageFixture.PackageId, dependencies, System.StringComparison.OrdinalIgnoreCase);

            var run = consumer.Run();
            Assert.True(run.Succeeded, run.ToString());
            Assert.Equal("built with SocketAnalyzers", run.Output.Trim());
        }
    }
}
