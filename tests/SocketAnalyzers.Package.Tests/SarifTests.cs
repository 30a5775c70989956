using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>`dotnet build -p:ErrorLog=out.sarif%2Cversion=2.1`: the log CI code-scanning tools read.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class SarifTests
    {
        private const string LogFile = "out.sarif";

        private readonly PackageFixture fixture;

        public SarifTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void ErrorLog_IsSarif21_WithMetadataForEveryRule_AndHelpUrisToTheRulePages()
        {
            var log = BuildWithErrorLog();

            Assert.Equal("2.1.0", log.Version);

            // The compiler lists the rules its analyzers support (reported or not); the rest of the declared IDs join
            // as their analyzers are written, and none may appear that DiagnosticIds.cs does not declare.
            var ours = log.Rules.Where(r => r.Id.StartsWith("SOCK", StringComparison.Ordinal)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            Assert.Subset(DeclaredIds(), ours.Keys.ToHashSet(StringComparer.Ordinal));
            Assert.Contains("SOCK101", ours.Keys);
            Assert.Contains("SOCK109", ours.Keys);
            foreach (var rule in ours.Values)
            {
                Assert.False(string.IsNullOrWhiteSpace(rule.ShortDescription), rule.Id + " has no title");
                Assert.False(string.IsNullOrWhiteSpace(rule.FullDescription), rule.Id + " has no description");
                Assert.StartsWith("Socket", rule.Category, StringComparison.Ordinal);
                Assert.Equal(fixture.DocumentationBase + "rules/" + rule.Id + ".md", rule.HelpUri);
            }

            Assert.Equal(("warning", true), (ours["SOCK101"].DefaultLevel, ours["SOCK101"].EnabledByDefault));
            Assert.Equal(("warning", true), (ours["SOCK109"].DefaultLevel, ours["SOCK109"].EnabledByDefault));
        }

        [Fact]
        public void ErrorLog_HasTheResults_WithTheirLocations()
        {
            var log = BuildWithErrorLog();

            AssertResult(log, "SOCK101", SocketMistakesProgram.ListenOnDatagram);
            AssertResult(log, "SOCK109", SocketMistakesProgram.StreamOverUdp);
        }

        [Fact]
        public void ErrorLogProperty_InTheProjectFile_WritesSarif21()
        {
            var options = new ConsumerOptions();
            options.Properties["ErrorLog"] = "$(MSBuildProjectDirectory)/" + LogFile + ",version=2.1";
            var consumer = fixture.CreateConsumer("sarif-in-project", SocketMistakesProgram.Source, options);

            var build = consumer.Build();

            Assert.True(build.Succeeded, build.ToString());
            var log = consumer.ReadSarif(LogFile);
            Assert.Equal("2.1.0", log.Version);
            AssertResult(log, "SOCK101", SocketMistakesProgram.ListenOnDatagram);
        }

        [Fact]
        public void GuideCommands_RelativeUris_AndTheMultitoolValidatesTheLog()
        {
            // docs/ci.md, step by step: the SARIF log, its URIs made relative to the project folder (SRCROOT), then
            // the Multitool's validation (the SARIF 2.1.0 schema and GitHub's ingestion rules).
            var consumer = fixture.SharedConsumer("socket-mistakes", SocketMistakesProgram.Source);
            var build = consumer.Build(GuideCommands.Arguments(GuideCommands.SarifLog, "dotnet build"));
            Assert.True(build.Succeeded, build.ToString());

            var rebase = SarifMultitool.Run(
                consumer.Directory,
                GuideCommands.Arguments(GuideCommands.RelativeUris.Replace("$PWD", consumer.Directory, StringComparison.Ordinal), GuideCommands.Multitool));
            Assert.True(rebase.Succeeded, rebase.ToString());
            using (var rebased = JsonDocument.Parse(consumer.ReadFile(Path.Combine("sarif", "socketanalyzers-rebased.sarif"))))
            {
                var run = rebased.RootElement.GetProperty("runs")[0];
                Assert.Equal(new Uri(consumer.Directory + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
                var sock101 = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "SOCK101");
                var location = sock101.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
                Assert.Equal(("Program.cs", "SRCROOT"), (location.GetProperty("uri").GetString(), location.GetProperty("uriBaseId").GetString()));
            }

            var validate = SarifMultitool.Run(consumer.Directory, GuideCommands.Arguments(GuideCommands.Validate, GuideCommands.Multitool));

            // The Multitool exits with 0 whatever it finds: its findings are read from its output. No schema error
            // (JSON…) and no GitHub ingestion error but GH2012: the compiler writes no 'help' object for any rule
            // (docs/ci.md says what GitHub shows instead).
            Assert.True(validate.Succeeded, validate.ToString());
            Assert.Contains("1 files scanned", validate.Output, StringComparison.Ordinal);
            var errors = validate.Output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(errors);
            Assert.All(errors, line => Assert.Contains(": error GH2012: ", line, StringComparison.Ordinal));
        }

        private SarifLog BuildWithErrorLog()
        {
            var consumer = fixture.SharedConsumer("socket-mistakes", SocketMistakesProgram.Source);
            var path = Path.Combine(consumer.Directory, LogFile);
            File.Delete(path);

            // MSBuild reads ';' and ',' in a property value as separators: the comma is escaped as %2C.
            var build = consumer.Build("-p:ErrorLog=" + LogFile + "%2Cversion=2.1");

            Assert.True(build.Succeeded, build.ToString());
            Assert.True(File.Exists(path), "No SARIF log written:\n" + build);
            return consumer.ReadSarif(LogFile);
        }

        private static void AssertResult(SarifLog log, string id, SourcePosition position)
        {
            var result = Assert.Single(log.Results, r => r.RuleId == id);
            Assert.Equal("warning", result.Level);
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
            var location = Assert.Single(result.Locations);
            Assert.Equal(
                ("Program.cs", position.Line, position.Column),
                (Path.GetFileName(location.File.LocalPath), location.StartLine, location.StartColumn));
        }

        /// <summary>Every ID the analyzers declare, read from DiagnosticIds.cs (the public contract) rather than listed again here.</summary>
        private static HashSet<string> DeclaredIds()
        {
            var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "SocketAnalyzers", "Diagnostics", "DiagnosticIds.cs"));
            return Regex.Matches(source, "\"(SOCK[0-9]{3})\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        }
    }
}
