using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.CorpusGenerator;
using SocketAnalyzers.CorpusGenerator.Shapes;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.Tests.Corpus
{
    /// <summary>
    /// The generated corpus is what the scale benchmark times and the fuzz tests mutate: it must compile, be
    /// reproducible, have the size asked for and the share of socket code a real application has.
    /// </summary>
    public sealed class SocketCorpusTests
    {
        [Fact]
        public void Corpus_Of20000Lines_CompilesWithoutErrorsOrWarnings()
        {
            var compilation = CorpusCompilation.Compile(SocketCorpus.Generate(20_000, seed: 3));

            var problems = CorpusCompilation.Diagnostics(compilation, DiagnosticSeverity.Warning);

            Assert.True(problems.Count == 0, "The corpus must compile cleanly:\n" + string.Join("\n", problems.Take(20)));
        }

        [Fact]
        public void SameSeed_GivesByteIdenticalFiles()
        {
            var first = SocketCorpus.Generate(10_000, seed: 42);
            var second = SocketCorpus.Generate(10_000, seed: 42);

            Assert.Equal(first, second);
        }

        [Fact]
        public void OtherSeed_GivesOtherText()
        {
            var first = SocketCorpus.Generate(10_000, seed: 1);
            var second = SocketCorpus.Generate(10_000, seed: 2);

            var firstTexts = first.Select(file => file.Text).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(second, file => firstTexts.Contains(file.Text));
        }

        [Fact]
        public void NoTwoFiles_HaveTheSameTextOrPath()
        {
            var files = SocketCorpus.Generate(50_000, seed: 5);

            Assert.Equal(files.Count, files.Select(file => file.Text).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(files.Count, files.Select(file => file.Path).Distinct(StringComparer.Ordinal).Count());
        }

        [Theory]
        [InlineData(2_000)]
        [InlineData(10_000)]
        [InlineData(50_000)]
        public void LineCount_IsWithinTenPercentOfTheTarget(int targetLines)
        {
            var lines = SocketCorpus.Generate(targetLines, seed: 9).Sum(CorpusCompilation.LineCount);

            Assert.InRange(lines, targetLines * 0.9, targetLines * 1.1);
        }

        [Theory]
        [InlineData(20_000)]
        [InlineData(200_000)]
        public void NonSocketFiles_HoldEightyToEightyFivePercentOfTheLines(int targetLines)
        {
            var files = SocketCorpus.Generate(targetLines, seed: 11);
            double total = files.Sum(CorpusCompilation.LineCount);
            double ordinary = files.Where(file => !CorpusCompilation.IsSocketFile(file)).Sum(CorpusCompilation.LineCount);

            Assert.InRange(ordinary / total, 0.80, 0.85);
        }

        [Fact]
        public void FileSizes_AreThoseOfRealFiles()
        {
            var sizes = SocketCorpus.Generate(50_000, seed: 13).Select(CorpusCompilation.LineCount).ToList();

            Assert.All(sizes, size => Assert.InRange(size, 40, 700));
        }

        [Fact]
        public void SmallTarget_StillHoldsOneFileOfEachSocketShape()
        {
            var files = SocketCorpus.Generate(100, seed: 17);

            Assert.True(files.Count(CorpusCompilation.IsSocketFile) >= SocketShapes.All.Count);
            foreach (var marker in new[] { "AcceptAsync(", "new Thread(", "AcceptTcpClientAsync(", "new TcpClient(", "ReceiveFrom(", "new UdpClient(", "ConcurrentBag<Socket>", ": IDisposable", "AcceptTcpClient()" })
            {
                Assert.Contains(files, file => file.Text.Contains(marker, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void Paths_AreRelativeWithFoldersLikeASolution()
        {
            var files = SocketCorpus.Generate(20_000, seed: 19);

            Assert.All(files, file => Assert.Matches(@"^[A-Z][A-Za-z]+(/[A-Z][A-Za-z]+)*/[A-Za-z]+[0-9]{4}\.cs$", file.Path));
            Assert.Contains(files, file => file.Path.StartsWith("Networking/", StringComparison.Ordinal));
            Assert.Contains(files, file => file.Path.StartsWith("Domain/", StringComparison.Ordinal));
        }

        [Fact]
        public void MistakeRate_IsAFewPercentOfSocketMethods()
        {
            var plan = new CorpusPlan(200_000, seed: 23);
            plan.Build();

            var rate = plan.SeededMistakes.Count / (double)plan.SocketMethods;

            Assert.InRange(rate, 0.02, 0.05);
        }
    }
}
