using System;
using System.IO;
using System.Text;
using SocketAnalyzers.Options;

namespace SocketAnalyzers.Tests.Options
{
    /// <summary>
    /// docs/configuration.md lists every socket_analyzers key, generated from the declarations. Regenerate with
    /// <c>SOCKETANALYZERS_UPDATE_DOCS=1 dotnet test tests/SocketAnalyzers.Tests -c Release --filter ConfigurationDocTests</c>.
    /// </summary>
    public sealed class ConfigurationDocTests
    {
        private const string Start = "<!-- options-table:start (generated from SocketAnalyzerOptions by tests/SocketAnalyzers.Tests/Options/ConfigurationDocTests.cs) -->";
        private const string End = "<!-- options-table:end -->";

        [Fact]
        public void ConfigurationDoc_ListsEveryOption()
        {
            var path = Path.Combine(RepositoryPaths.Root, "docs", "configuration.md");
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            var start = text.IndexOf(Start, StringComparison.Ordinal);
            var end = text.IndexOf(End, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "docs/configuration.md has no options table markers.");
            Assert.True(text.LastIndexOf("## socket_analyzers options", start, StringComparison.Ordinal) >= 0, "The options table is not in the 'socket_analyzers options' section.");

            var expected = text.Substring(0, start + Start.Length) + "\n" + Render() + text.Substring(end);
            if (Environment.GetEnvironmentVariable("SOCKETANALYZERS_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, expected);
            }

            Assert.Equal(expected, text);
        }

        private static string Render()
        {
            var table = new StringBuilder();
            table.Append("| Key | Values | Default | What it does |\n|---|---|---|---|\n");
            foreach (var option in SocketAnalyzerOptions.All)
            {
                table.Append("| `").Append(option.Key).Append("` | ").Append(option.ValueSyntax).Append(" | ")
                    .Append(option.DefaultText).Append(" | ").Append(option.Description).Append(" |\n");
            }

            return table.ToString();
        }
    }
}
