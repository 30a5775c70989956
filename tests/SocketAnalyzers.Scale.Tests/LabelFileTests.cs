using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SocketAnalyzers.Scale.Labels;

namespace SocketAnalyzers.Scale.Tests
{
    public sealed class LabelFileTests : IDisposable
    {
        private static readonly ISet<string> FolderFiles = new HashSet<string>(StringComparer.Ordinal) { "a__b/Server.cs", "c__d/src/Client.cs" };

        private readonly string folder = Path.Combine(Path.GetTempPath(), "labelfile-" + Guid.NewGuid().ToString("N"));

        public LabelFileTests() => Directory.CreateDirectory(this.folder);

        public void Dispose() => Directory.Delete(this.folder, recursive: true);

        [Fact]
        public void ValidLines_AreRead_WithTheirLinesKindAndSource()
        {
            var labels = this.Read(
                "# a comment line",
                "",
                "file\tlines\tkind\tcategory\trule\tnote",
                "a__b/Server.cs\t12\tbug\tleak\tSOCK203\tthe accepted socket is dropped when the table is full",
                "c__d\\src\\Client.cs\t30-31\ttrap\treceive-count\tSOCK401\tthe count bounds the decode");

            Assert.Empty(labels.Problems);
            Assert.Equal(
                new[]
                {
                    new Label("a__b/Server.cs", 12, 12, true, "leak", "SOCK203", "the accepted socket is dropped when the table is full", "one.labels.tsv:4"),
                    new Label("c__d/src/Client.cs", 30, 31, false, "receive-count", "SOCK401", "the count bounds the decode", "one.labels.tsv:5"),
                },
                labels.Labels);
        }

        public static TheoryData<string, string> BadLines => new()
        {
            { "a__b/Server.cs\t12\tbug\tleak\tSOCK203", "one.labels.tsv:1: skipped, has 5 tab-separated columns, not 6 (file, lines, kind, category, rule, note)" },
            { "a__b/Server.cs\t12\tbug\tleak\tSOCK203\tnote\textra", "one.labels.tsv:1: skipped, has 7 tab-separated columns, not 6 (file, lines, kind, category, rule, note)" },
            { "a__b/Server.cs\t12–14\tbug\tleak\tSOCK203\tnote", "one.labels.tsv:1: skipped, lines '12–14' is not N, N-M or either followed by ,K with 1 <= N <= M, 1 <= K" },
            { "a__b/Server.cs\t14-12\tbug\tleak\tSOCK203\tnote", "one.labels.tsv:1: skipped, lines '14-12' is not N, N-M or either followed by ,K with 1 <= N <= M, 1 <= K" },
            { "a__b/Server.cs\t12,0\tbug\tleak\tSOCK204\tnote", "one.labels.tsv:1: skipped, lines '12,0' is not N, N-M or either followed by ,K with 1 <= N <= M, 1 <= K" },
            { "a__b/Server.cs\t0\tbug\tleak\tSOCK203\tnote", "one.labels.tsv:1: skipped, lines '0' is not N, N-M or either followed by ,K with 1 <= N <= M, 1 <= K" },
            { "a__b/Server.cs\t12\tleak\tleak\tSOCK203\tnote", "one.labels.tsv:1: skipped, kind 'leak' is neither bug nor trap" },
            { "a__b/Server.cs\t12\tbug\tleaks\tSOCK203\tnote", "one.labels.tsv:1: skipped, unknown category 'leaks' (known: leak, protocol, receive-count, end-of-stream, blocking-in-async, sync-over-async)" },
            { "a__b/Server.cs\t12\tbug\tleak\tSOCK401\tnote", "one.labels.tsv:1: skipped, rule 'SOCK401' is not one of ours for category leak (SOCK201, SOCK202, SOCK203, SOCK204, SOCK205)" },
            { "a__b/Client.cs\t12\tbug\tleak\tSOCK203\tnote", "one.labels.tsv:1: skipped, file 'a__b/Client.cs' is not in the folder" },
        };

        [Theory]
        [MemberData(nameof(BadLines))]
        public void BadLine_IsSkipped_WithOneMessageNamingIt(string line, string message)
        {
            var labels = this.Read(line);

            Assert.Empty(labels.Labels);
            Assert.Equal(new[] { message }, labels.Problems);
        }

        [Fact]
        public void ExtraLine_CoversAFindingThere_AndIsPrintedBack()
        {
            // SOCK204 is placed at the field's declaration and at the line that assigns it (LABELS.md).
            var labels = this.Read("a__b/Server.cs\t30-31,12\tbug\tleak\tSOCK204\tthe field is never closed");

            var label = Assert.Single(labels.Labels);
            Assert.Equal("30-31,12", label.Lines);
            Assert.True(label.Covers(new Finding("ours", "SOCK204", "a__b/Server.cs", 12, 1, "m")));
            Assert.True(label.Covers(new Finding("ours", "SOCK204", "a__b/Server.cs", 31, 1, "m")));
            Assert.False(label.Covers(new Finding("ours", "SOCK204", "a__b/Server.cs", 13, 1, "m")));
        }

        [Fact]
        public void SecondLabelOnTheSameLinesOfTheSameKindAndCategory_IsSkipped()
        {
            var labels = this.Read(
                "a__b/Server.cs\t12\tbug\tleak\tSOCK203\tdropped when full",
                "a__b/Server.cs\t12\ttrap\tleak\tSOCK201\tclosed by the caller",
                "a__b/Server.cs\t12\tbug\tleak\tSOCK202\tleaks when Send throws");

            Assert.Equal(new[] { "one.labels.tsv:1", "one.labels.tsv:2" }, labels.Labels.Select(l => l.Source));
            Assert.Equal(new[] { "one.labels.tsv:3: skipped, same file, lines, kind and category as one.labels.tsv:1" }, labels.Problems);
        }

        [Fact]
        public void SeveralFiles_AreReadInOrder_AndABadLineDoesNotStopTheRest()
        {
            var first = this.Write("part1.labels.tsv", "a__b/Server.cs\t12\tbug\tleak\tSOCK203\tdropped when full", "a__b/Server.cs\t13\tbug\tleak");
            var second = this.Write("part2.labels.tsv", "c__d/src/Client.cs\t5\ttrap\tsync-over-async\tSOCK302\tthe task has completed");

            var labels = LabelFile.Read(new[] { first, second }, LabelCategories.Load(), FolderFiles);

            Assert.Equal(new[] { "part1.labels.tsv:1", "part2.labels.tsv:1" }, labels.Labels.Select(l => l.Source));
            Assert.Equal(new[] { "part1.labels.tsv:2: skipped, has 4 tab-separated columns, not 6 (file, lines, kind, category, rule, note)" }, labels.Problems);
        }

        private LabelFile Read(params string[] lines) =>
            LabelFile.Read(new[] { this.Write("one.labels.tsv", lines) }, LabelCategories.Load(), FolderFiles);

        private string Write(string name, params string[] lines)
        {
            var path = Path.Combine(this.folder, name);
            File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
            return path;
        }
    }
}
