using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Scale.Labels;

namespace SocketAnalyzers.Scale.Tests
{
    /// <summary>
    /// End to end on LabelledFolder/: three small files written for this test with their hand labels (labels.tsv),
    /// every compared tool in its own pass, as <c>folder &lt;dir&gt; --labels</c> runs them.
    /// </summary>
    public sealed class LabelledRunTests : IClassFixture<LabelledRunTests.AllTools>
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "LabelledFolder");

        private readonly LabelledRun run;

        public LabelledRunTests(AllTools fixture) => this.run = fixture.Run;

        [Fact]
        public void EveryToolRuns_AndEveryScoredRuleIsReportedBySomeTool()
        {
            Assert.Empty(this.run.Errors);
            Assert.Empty(this.run.Labels.Problems);
            Assert.Equal(LabelCategories.Load().Tools, this.run.Tools.Select(t => t.Name));
            var ran = this.run.Scores.SelectMany(s => s.Rules).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(this.run.Categories.AllRules().OrderBy(r => r, StringComparer.Ordinal), ran.OrderBy(r => r, StringComparer.Ordinal));
        }

        [Fact]
        public void OurTool_FindsEveryLabelledBug_AndNoTrap()
        {
            var ours = this.run.Scores.Where(s => s.Tool == "SocketAnalyzers").ToList();

            Assert.Equal(
                new[] { "leak 1/0/0/0", "protocol 1/0/0/0", "receive-count 1/0/0/0", "end-of-stream 1/0/0/0", "blocking-in-async 1/0/0/0", "sync-over-async 1/0/0/0" },
                ours.Select(s => s.Category + " " + s.TruePositives + "/" + s.FalsePositives + "/" + s.Misses + "/" + s.Unlabelled.Count));
            Assert.Equal(
                new[] { "SOCK201 1/1", "SOCK101 1/1", "SOCK401 1/1", "SOCK402 1/1", "SOCK301 1/1", "SOCK302 1/1" },
                this.run.OurRules.Select(r => r.Rule + " " + r.Labelled + "/" + r.Found));
        }

        [Fact]
        public void OtherTools_AreScoredOnTheSameLabels()
        {
            // CA2000 with all paths reports the socket that the catch disposes and the method returns (a trap);
            // IDisposableAnalyzers reports the client's stream and the stream of the using'd client, on no label.
            var ca2000 = this.run.Scores.Single(s => s.Tool == "NetAnalyzers (all paths, ownership transfer)" && s.Category == "leak");
            Assert.Equal(("carol__probe/Probe.cs", 17, "CA2000"), (ca2000.OnTraps.Single().Finding.File, ca2000.OnTraps.Single().Finding.Line, ca2000.OnTraps.Single().Finding.Rule));
            Assert.Equal((1, 1, "50%"), (ca2000.TruePositives, ca2000.FalsePositives, ca2000.Precision));

            var idisposable = this.run.Scores.Single(s => s.Tool == "IDisposableAnalyzers" && s.Category == "leak");
            Assert.Equal(new[] { "alice__chat/src/ChatClient.cs:12 IDISP001", "alice__chat/src/ChatClient.cs:22 IDISP004" }, idisposable.Unlabelled.Select(f => f.File + ":" + f.Line + " " + f.Rule));

            var wait = this.run.Scores.Where(s => s.Category == "sync-over-async" && s.TruePositives == 1).Select(s => s.Tool);
            Assert.Equal(new[] { "SocketAnalyzers", "SonarAnalyzer.CSharp", "Microsoft.VisualStudio.Threading.Analyzers" }, wait);
        }

        [Fact]
        public void Report_HasATablePerCategory_AndDetailsNameEveryMissFalsePositiveAndUnlabelledFinding()
        {
            var report = LabelReport.Render(this.run, new[] { Path.Combine(Folder, "labels.tsv") }, details: true);

            Assert.Contains("Labels (labels.tsv): 6 bugs, 3 traps; 0 lines skipped.", report, StringComparison.Ordinal);
            Assert.Contains("### leak: 1 bugs, 2 traps", report, StringComparison.Ordinal);
            Assert.Contains("| SocketAnalyzers | SOCK401 | 1 | 0 | 0 | 0 | 100% | 100% | 100% |", report, StringComparison.Ordinal);
            Assert.Contains("| SOCK402 | end-of-stream | 1 | 1 | 0 | 100% | 1 | 1 | 0 | 0 |", report, StringComparison.Ordinal);
            Assert.Contains("- FP `carol__probe/Probe.cs:17` CA2000 ", report, StringComparison.Ordinal);
            Assert.Contains("- unlabelled `alice__chat/src/ChatClient.cs:22` IDISP004 ", report, StringComparison.Ordinal);
            Assert.Contains("- miss `bob__relay/Relay.cs:13` SOCK301: a blocking Send in an async method (labels.tsv:6)", report, StringComparison.Ordinal);
        }

        [Fact]
        public void FindingsFile_HasEveryFindingOfEveryTool_WithTheLabelsItMatches()
        {
            var path = Path.Combine(Path.GetTempPath(), "findings-" + Guid.NewGuid().ToString("N") + ".tsv");
            try
            {
                FindingsFile.Write(path, this.run);
                var lines = File.ReadAllLines(path);

                Assert.Equal("tool\trule\tfile\tline\tcolumn\tlabels\tmessage", lines[0]);
                Assert.Equal(this.run.Findings.Count + 1, lines.Length);
                Assert.Contains(lines, l => l.StartsWith("SocketAnalyzers\tSOCK402\tbob__relay/Relay.cs\t33\t", StringComparison.Ordinal) && l.Contains("\tbug:31-33:end-of-stream\t", StringComparison.Ordinal));
                Assert.Contains(lines, l => l.StartsWith("IDisposableAnalyzers\tIDISP004\talice__chat/src/ChatClient.cs\t22\t", StringComparison.Ordinal) && l.Contains("\tunlabelled\t", StringComparison.Ordinal));
                Assert.All(lines, l => Assert.Equal(7, l.Split('\t').Length));
            }
            finally
            {
                File.Delete(path);
            }
        }

        /// <summary>One run of every tool, shared by the tests of this class (loading the analyzers takes seconds).</summary>
        public sealed class AllTools
        {
            public AllTools()
            {
                this.Run = Task.Run(() => LabelledRun.RunAsync(Folder, new[] { Path.Combine(Folder, "labels.tsv") }, oursOnly: false, implicitUsings: true, oneCompilation: false, CancellationToken.None)).GetAwaiter().GetResult();
            }

            internal LabelledRun Run { get; }
        }
    }
}
