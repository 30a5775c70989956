using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.Precision
{
    /// <summary>
    /// The source files of one corpus area and their markers. A marker is a trailing comment
    /// <c>// expect: SOCK201</c> (several kinds: <c>// expect: SOCK201, SOCK202</c>) on the line where the true
    /// finding belongs; the kind is one of our IDs and names the defect, whichever tool finds it. Tools report one
    /// defect at different places (a field's declaration, the assignment in the constructor, the type name): a label
    /// names the defect, <c>// expect: SOCK204 #pool</c>, and <c>// at: #pool</c> on another line of the same file
    /// makes a finding there count for it too. Every other line is a negative: a finding there is a false positive.
    /// </summary>
    internal sealed class Corpus
    {
        private static readonly Regex MarkerPattern = new(
            @"//\s*expect:\s*(?<kinds>[A-Za-z0-9]+(\s*,\s*[A-Za-z0-9]+)*)(\s+#(?<label>[A-Za-z0-9_-]+))?", RegexOptions.CultureInvariant);

        private static readonly Regex AlsoPattern = new(@"//.*\bat:\s*#(?<label>[A-Za-z0-9_-]+)", RegexOptions.CultureInvariant);

        private Corpus(string area, List<SyntaxTree> trees, List<Marker> markers)
        {
            this.Area = area;
            this.Trees = trees;
            this.Markers = markers;
        }

        public string Area { get; }

        public List<SyntaxTree> Trees { get; }

        public List<Marker> Markers { get; }

        public static Corpus Load(string corpusRoot, string area)
        {
            var folder = Path.Combine(corpusRoot, area);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException("No corpus folder " + folder);
            }

            var trees = new List<SyntaxTree>();
            var markers = new List<Marker>();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(corpusRoot, file).Replace('\\', '/');
                var text = File.ReadAllText(file);
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, relative));
                var lines = text.Split('\n');
                var labelled = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var i = 0; i < lines.Length; i++)
                {
                    foreach (Match match in AlsoPattern.Matches(lines[i]))
                    {
                        if (!labelled.TryGetValue(match.Groups["label"].Value, out var list))
                        {
                            labelled[match.Groups["label"].Value] = list = new List<int>();
                        }

                        list.Add(i + 1);
                    }
                }

                for (var i = 0; i < lines.Length; i++)
                {
                    foreach (Match match in MarkerPattern.Matches(lines[i]))
                    {
                        var alternatives = match.Groups["label"].Success && labelled.TryGetValue(match.Groups["label"].Value, out var more)
                            ? more.ToArray()
                            : Array.Empty<int>();
                        foreach (var kind in match.Groups["kinds"].Value.Split(','))
                        {
                            markers.Add(new Marker(relative, i + 1, kind.Trim(), alternatives));
                        }
                    }
                }
            }

            return new Corpus(area, trees, markers);
        }
    }

    /// <summary>
    /// A true finding of kind <paramref name="Kind"/> expected on a 1-based line of a corpus file; a finding on one of
    /// the <paramref name="OtherLines"/> (labelled <c>// at:</c>) counts for it too.
    /// </summary>
    internal sealed class Marker
    {
        public Marker(string file, int line, string kind, int[] otherLines)
        {
            this.File = file;
            this.Line = line;
            this.Kind = kind;
            this.OtherLines = otherLines;
        }

        public string File { get; }

        public int Line { get; }

        public string Kind { get; }

        public int[] OtherLines { get; }

        public bool IsAt(string file, int line) => this.File == file && (this.Line == line || Array.IndexOf(this.OtherLines, line) >= 0);
    }
}
