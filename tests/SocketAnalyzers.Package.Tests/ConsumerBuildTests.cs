using System.Linq;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>A fresh console project that references the package: what `dotnet build` reports, and how CI enforces it.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class ConsumerBuildTests
    {
        private readonly PackageFixture fixture;

        public ConsumerBuildTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Build_ReportsSOCK101AndSOCK109_AsWarnings_WithFileLineAndColumn()
        {
            var build = MistakesConsumer().Build();

            Assert.True(build.Succeeded, build.ToString());
            AssertSingle(build, "SOCK101", "warning", SocketMistakesProgram.ListenOnDatagram);
            AssertSingle(build, "SOCK109", "warning", SocketMistakesProgram.StreamOverUdp);

            // Nothing else: no CS8032 (an analyzer assembly that does not load, e.g. the code fixes needing
            // Workspaces in the command-line compiler) and no AD0001 (an analyzer that throws).
            Assert.Equal(new[] { "SOCK101", "SOCK109" }, build.Diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));

            // The message is formatted from the resources: it names the variable (its exact wording is the rule's own).
            var message = build.DiagnosticsWithId("SOCK101").Single().Message;
            Assert.Contains("'udp'", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("{0}", message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Build_WithWarnAsError_Fails_OnTheSocketWarnings()
        {
            var build = MistakesConsumer().Build("-warnaserror");

            Assert.False(build.Succeeded, build.ToString());
            AssertSingle(build, "SOCK101", "error", SocketMistakesProgram.ListenOnDatagram);
            AssertSingle(build, "SOCK109", "error", SocketMistakesProgram.StreamOverUdp);
        }

        [Fact]
        public void Build_WithWarnAsErrorForSelectedRules_FailsOnThoseRules()
        {
            // docs/ci.md: only the listed IDs become errors.
            var build = MistakesConsumer().Build(GuideCommands.Arguments(GuideCommands.WarningsAsErrorsForSelectedRules, "dotnet build"));

            Assert.False(build.Succeeded, build.ToString());
            AssertSingle(build, "SOCK101", "error", SocketMistakesProgram.ListenOnDatagram);
            AssertSingle(build, "SOCK109", "error", SocketMistakesProgram.StreamOverUdp);
        }

        [Fact]
        public void EditorConfigSeverityError_FailsTheBuild_ForThatRuleOnly()
        {
            var options = new ConsumerOptions { EditorConfig = ConsumerOptions.EditorConfigFor("dotnet_diagnostic.SOCK101.severity = error") };
            var build = fixture.CreateConsumer("sock101-error", SocketMistakesProgram.Source, options).Build();

            Assert.False(build.Succeeded, build.ToString());
            AssertSingle(build, "SOCK101", "error", SocketMistakesProgram.ListenOnDatagram);
            AssertSingle(build, "SOCK109", "warning", SocketMistakesProgram.StreamOverUdp);
        }

        [Fact]
        public void EditorConfigSeverityNone_SilencesThatRuleOnly()
        {
            var options = new ConsumerOptions { EditorConfig = ConsumerOptions.EditorConfigFor("dotnet_diagnostic.SOCK109.severity = none") };
            var build = fixture.CreateConsumer("sock109-none", SocketMistakesProgram.Source, options).Build();

            Assert.True(build.Succeeded, build.ToString());
            Assert.Empty(build.DiagnosticsWithId("SOCK109"));
            AssertSingle(build, "SOCK101", "warning", SocketMistakesProgram.ListenOnDatagram);
        }

        [Fact]
        public void EditorConfigCategorySeverity_AppliesToEveryRuleOfTheCategory()
        {
            // SOCK101 and SOCK109 are both in SocketProtocol: one line raises the whole category.
            var options = new ConsumerOptions
            {
                EditorConfig = ConsumerOptions.EditorConfigFor("dotnet_analyzer_diagnostic.category-SocketProtocol.severity = error"),
            };
            var build = fixture.CreateConsumer("protocol-category-error", SocketMistakesProgram.Source, options).Build();

            Assert.False(build.Succeeded, build.ToString());
            AssertSingle(build, "SOCK101", "error", SocketMistakesProgram.ListenOnDatagram);
            AssertSingle(build, "SOCK109", "error", SocketMistakesProgram.StreamOverUdp);
        }

        private ConsumerProject MistakesConsumer() => fixture.SharedConsumer("socket-mistakes", SocketMistakesProgram.Source);

        private static void AssertSingle(CommandResult build, string id, string severity, SourcePosition position)
        {
            var diagnostic = Assert.Single(build.DiagnosticsWithId(id));
            Assert.Equal(
                ("Program.cs", position.Line, position.Column, severity),
                (diagnostic.FileName, diagnostic.Line, diagnostic.Column, diagnostic.Severity));
        }
    }
}
