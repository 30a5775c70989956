using System;
using System.Linq;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>The fuzzer starts from every kind of sample the repository holds, with the test markup removed.</summary>
    public sealed class SampleHarvesterTests
    {
        [Theory]
        [InlineData("tests/SocketAnalyzers.Tests/Rules/")]
        [InlineData("tests/SocketAnalyzers.Tests/CodeFixes/")]
        [InlineData("tests/SocketAnalyzers.Tests/Meta/QuietCode/")]
        [InlineData("rules/SOCK")]
        [InlineData("benchmarks/corpus/")]
        [InlineData("samples/")]
        [InlineData("RobustnessCorpus.")]
        [InlineData("generated/")]
        [InlineData("pathological/")]
        public void Harvest_HasSamplesFrom(string origin) =>
            Assert.Contains(SampleHarvester.Samples, sample => sample.Origin.StartsWith(origin, StringComparison.Ordinal));

        [Fact]
        public void Harvest_StripsTestMarkup()
        {
            var withMarkup = SampleHarvester.Samples.Where(sample => sample.Origin.StartsWith("tests/", StringComparison.Ordinal) && (sample.Text.Contains("{|", StringComparison.Ordinal) || sample.Text.Contains("[|", StringComparison.Ordinal)));
            Assert.Empty(withMarkup.Select(sample => sample.Origin));
        }

        [Fact]
        public void TestMarkup_IsRemoved_CodeIsKept() =>
            Assert.Equal(
                "var s = new Socket(); s.Listen(1); x[0] = y || z;",
                TestMarkup.Strip("var s = {|#1:new Socket()|}; s.{|SOCK103:Listen|}(1); [|x[0]|] = y || z;"));

        [Fact]
        public void PerformanceCasesLeftOutOfTheFuzzPool_Exist() =>
            Assert.All(SampleHarvester.PerformanceCases, origin => Assert.Contains(SampleHarvester.Samples, sample => sample.Origin == origin));
    }
}
