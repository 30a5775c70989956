using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Relative links in README.md, docs/ and rules/ (but the template) lead to files that exist: pages move, links rot.</summary>
    public sealed class DocumentationLinkTests
    {
        private static readonly Regex Link = new(@"\]\((?<target>[^)\s#]*)(#[^)\s]*)?\)", RegexOptions.Compiled);

        public static TheoryData<string> Documents
        {
            get
            {
                var root = RepositoryPaths.Root;
                var data = new TheoryData<string>();
                var files = new[] { Path.Combine(root, "README.md") }
                    .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
                    .Concat(Directory.GetFiles(Path.Combine(root, "rules"), "*.md"))
                    .Where(file => Path.GetFileName(file) != "TEMPLATE.md"); // its links are examples
                foreach (var file in files.OrderBy(file => file, StringComparer.Ordinal))
                {
                    data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Documents))]
        public void RelativeLinks_Resolve(string document)
        {
            var path = Path.Combine(RepositoryPaths.Root, document);
            var folder = Path.GetDirectoryName(path)!;
            var broken = Link.Matches(File.ReadAllText(path))
                .Select(match => match.Groups["target"].Value)
                .Where(target => target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal))
                .Where(target => !File.Exists(Path.Combine(folder, target)) && !Directory.Exists(Path.Combine(folder, target)))
                .ToList();
            Assert.True(broken.Count == 0, $"{document} links to missing files: {string.Join(", ", broken)}");
        }
    }
}
