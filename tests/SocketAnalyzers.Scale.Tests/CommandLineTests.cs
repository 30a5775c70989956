using System;
using System.IO;
using SocketAnalyzers.Scale.Labels;

namespace SocketAnalyzers.Scale.Tests
{
    public sealed class CommandLineTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "labelglob-" + Guid.NewGuid().ToString("N"));

        public CommandLineTests() => Directory.CreateDirectory(this.folder);

        public void Dispose() => Directory.Delete(this.folder, recursive: true);

        [Fact]
        public void ListOption_TakesEveryValueUpToTheNextOption_AndRepeats()
        {
            // What the shell makes of --labels set-d.part*.labels.tsv: one argument per file.
            var line = new CommandLine(
                new[] { "real", "--labels", "p1.tsv", "p2.tsv", "--tools", "ours", "--details", "--labels", "p3.tsv" },
                new[] { "--tools", "--out" },
                new[] { "--labels" });

            Assert.Equal(new[] { "real" }, line.Positional);
            Assert.Equal(new[] { "p1.tsv", "p2.tsv", "p3.tsv" }, line.List("--labels"));
            Assert.Equal("ours", line.Value("--tools"));
            Assert.True(line.Has("--details"));
            Assert.Null(line.Value("--out"));
        }

        [Fact]
        public void ListOptionWithoutValue_IsAnError()
        {
            var error = Assert.Throws<ArgumentException>(() => new CommandLine(new[] { "real", "--labels", "--details" }, Array.Empty<string>(), new[] { "--labels" }));

            Assert.Equal("--labels needs a value", error.Message);
        }

        [Fact]
        public void LabelsPattern_ExpandsToTheMatchingFilesInOrder()
        {
            foreach (var name in new[] { "set-d.part2.labels.tsv", "set-d.part1.labels.tsv", "set-d.md" })
            {
                File.WriteAllText(Path.Combine(this.folder, name), "");
            }

            var files = LabelledFolderMode.ExpandLabelFiles(new[] { Path.Combine(this.folder, "set-d.*.labels.tsv"), Path.Combine(this.folder, "set-d.part1.labels.tsv") });

            Assert.Equal(new[] { Path.Combine(this.folder, "set-d.part1.labels.tsv"), Path.Combine(this.folder, "set-d.part2.labels.tsv") }, files);
        }

        [Fact]
        public void LabelsPatternOrFileThatMatchesNothing_IsAnError()
        {
            Assert.Equal("No labels file matches " + Path.Combine(this.folder, "*.tsv"), Assert.Throws<ArgumentException>(() => LabelledFolderMode.ExpandLabelFiles(new[] { Path.Combine(this.folder, "*.tsv") })).Message);
            Assert.Equal("No labels file " + Path.Combine(this.folder, "a.tsv"), Assert.Throws<ArgumentException>(() => LabelledFolderMode.ExpandLabelFiles(new[] { Path.Combine(this.folder, "a.tsv") })).Message);
        }
    }
}
