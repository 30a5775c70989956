using System;
using System.IO;
using System.Linq;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>The code-fix assembly of the package, applied outside the IDE by `dotnet format analyzers`.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class CodeFixTests
    {
        private readonly PackageFixture fixture;

        public CodeFixTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void FormatAnalyzers_AppliesTheSOCK109Fix_AndTheRebuildNoLongerReportsIt()
        {
            var consumer = fixture.CreateConsumer("format-sock109", SocketMistakesProgram.Source);

            var format = consumer.Format(GuideCommands.Arguments(GuideCommands.FormatOneRule, "dotnet format"));

            Assert.True(format.Succeeded, format.ToString());
            var fixedSource = consumer.ReadFile("Program.cs");
            Assert.Equal(
                SocketMistakesProgram.Source.Replace(
                    "SocketType.Stream, ProtocolType.Udp",
                    "SocketType.Stream, ProtocolType.Tcp",
                    StringComparison.Ordinal),
                fixedSource.ReplaceLineEndings("\n"));

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            Assert.Empty(build.DiagnosticsWithId("SOCK109"));
            Assert.Single(build.DiagnosticsWithId("SOCK101"));
        }

        [Fact]
        public void FormatAnalyzers_AppliesTheSOCK301Fix_AndTheRebuildNoLongerReportsIt()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                internal static class Program
                {
                    private static async Task<int> Main()
                    {
                        using var client = new TcpClient();
                        await client.ConnectAsync(IPAddress.Loopback, 9);
                        var stream = client.GetStream();
                        var buffer = new byte[16];
                        var n = stream.Read(buffer, 0, buffer.Length);
                        stream.Write(buffer, 0, n);
                        return n;
                    }
                }

                """;
            var consumer = fixture.CreateConsumer("format-sock301", source);

            var format = consumer.Format("analyzers", "--diagnostics", "SOCK301");

            Assert.True(format.Succeeded, format.ToString());
            Assert.Equal(
                source
                    .Replace("var n = stream.Read(buffer, 0, buffer.Length);", "var n = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length));", StringComparison.Ordinal)
                    .Replace("stream.Write(buffer, 0, n);", "await stream.WriteAsync(buffer.AsMemory(0, n));", StringComparison.Ordinal),
                consumer.ReadFile("Program.cs").ReplaceLineEndings("\n"));

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            Assert.Empty(build.DiagnosticsWithId("SOCK301"));
        }

        [Fact]
        public void FormatAnalyzers_EveryFixableIdInOneRun_FixesTheWholeSample()
        {
            // The command docs/dotnet-format.md gives, on a copy of samples/SocketSample: every ID whose rule page says
            // "Code fix | Yes" (checked, so a new fix updates the guide). Before the FixAll fix, SOCK103 and SOCK203 were left with "didn't return a Fix
            // All action", depending on which diagnostic dotnet format happened to look at first.
            var sample = Path.Combine(RepositoryPaths.Root, "samples", "SocketSample");
            var options = new ConsumerOptions();
            options.Files["LifetimeAndHotPathMistakes.cs"] = File.ReadAllText(Path.Combine(sample, "LifetimeAndHotPathMistakes.cs"));
            var consumer = fixture.CreateConsumer("format-sample", File.ReadAllText(Path.Combine(sample, "Program.cs")), options);
            var fixable = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "rules"), "SOCK*.md")
                .Where(page => File.ReadAllText(page).Contains("| Code fix | Yes |", StringComparison.Ordinal))
                .Select(page => Path.GetFileNameWithoutExtension(page))
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();
            var command = GuideCommands.Arguments(GuideCommands.FormatEveryFixableRule, "dotnet format");
            Assert.Equal(new[] { "analyzers", "--diagnostics" }.Concat(fixable).Concat(new[] { "--severity", "info" }), command);

            var format = consumer.Format(command);

            Assert.True(format.Succeeded, format.ToString());
            Assert.DoesNotContain("Unable to fix", format.Output, StringComparison.Ordinal);
            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            // Left: the rules without a fix. Every fixable warning is gone (SOCK302 in ReceiveNow too: a private method
            // nothing calls synchronously becomes async), and no fix introduced a compiler error or another SOCK warning.
            Assert.Equal(
                new[] { "SOCK101", "SOCK102", "SOCK104", "SOCK105", "SOCK106", "SOCK107", "SOCK110", "SOCK111", "SOCK402" },
                build.Diagnostics.Where(d => d.Id.StartsWith("SOCK", StringComparison.Ordinal)).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray());
            Assert.DoesNotContain(build.Diagnostics, d => d.Severity == "error");
        }
    }
}
