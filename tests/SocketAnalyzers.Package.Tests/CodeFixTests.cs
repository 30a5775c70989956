using System;
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

            var format = consumer.Format("analyzers", "--diagnostics", "SOCK109");

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
    }
}
