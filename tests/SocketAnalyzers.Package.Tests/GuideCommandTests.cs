using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// Every command line in the user guides is one the end-to-end tests run (<see cref="GuideCommands"/>), so the
    /// guides cannot drift from what was checked. A command line is a line of a ```sh block.
    /// </summary>
    public sealed class GuideCommandTests
    {
        [Theory]
        [InlineData("docs/ci.md")]
        [InlineData("docs/dotnet-format.md")]
        [InlineData("nuget/README.md")]
        public void EveryCommandInTheGuide_IsRunByATest(string guide)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, guide)).ReplaceLineEndings("\n");
            var commands = Regex.Matches(text, "```sh\n(.*?)```", RegexOptions.Singleline)
                .SelectMany(block => block.Groups[1].Value.Split('\n'))
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .ToArray();

            Assert.NotEmpty(commands);
            Assert.All(commands, command => Assert.Contains(command, GuideCommands.All));
        }
    }
}
