using System;
using System.IO;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Tests.Protocol
{
    /// <summary>docs/protocol.md is generated from the model; this test fails when the committed copy is stale.</summary>
    public sealed class ProtocolDiagramTests
    {
        [Fact]
        public void CommittedDiagram_MatchesTheModel()
        {
            var path = Path.Combine(RepositoryPaths.Root, "docs", "protocol.md");
            var expected = ProtocolDiagram.Render();
            if (Environment.GetEnvironmentVariable("SOCKETANALYZERS_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, expected);
            }

            Assert.True(File.Exists(path), "docs/protocol.md is missing: run the tests with SOCKETANALYZERS_UPDATE_DOCS=1.");
            Assert.True(
                expected == File.ReadAllText(path).Replace("\r\n", "\n"),
                "docs/protocol.md is out of date with the protocol model: run the tests with SOCKETANALYZERS_UPDATE_DOCS=1 and commit it.");
        }

        [Fact]
        public void Diagram_HasOneStateMachinePerApi_AndEveryRule()
        {
            var text = ProtocolDiagram.Render();
            Assert.Equal(5, CountOf(text, "stateDiagram-v2"));
            Assert.Contains("Created --> Bound : Bind", text, StringComparison.Ordinal);
            Assert.Contains("| SOCK101 | Socket | Listen |", text, StringComparison.Ordinal);
        }

        private static int CountOf(string text, string value)
        {
            var count = 0;
            for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
