using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests.InfrastructureTests
{
    /// <summary>The console-log parser the end-to-end assertions stand on: it must see every diagnostic, once.</summary>
    public sealed class BuildDiagnosticTests
    {
        private const string Output = """
              Determining projects to restore...
            /tmp/run/consumers/a/Program.cs(18,13): warning SOCK101: 'udp' is a datagram socket: 'Listen' throws SocketException (OperationNotSupported) (https://example.org/rules/SOCK101.md) [/tmp/run/consumers/a/Consumer.csproj]
            CSC : warning AD0001: Analyzer 'X' threw an exception of type 'System.NullReferenceException' [/tmp/run/consumers/a/Consumer.csproj]
            /tmp/run/consumers/a/Program.cs(23,9): error SOCK109: new Socket(A, B, C) throws SocketException [/tmp/run/consumers/a/Consumer.csproj]
              Consumer -> /tmp/run/consumers/a/bin/Debug/net10.0/Consumer.dll
            Build FAILED.

            /tmp/run/consumers/a/Program.cs(18,13): warning SOCK101: 'udp' is a datagram socket: 'Listen' throws SocketException (OperationNotSupported) (https://example.org/rules/SOCK101.md) [/tmp/run/consumers/a/Consumer.csproj]
                1 Warning(s)
            """;

        [Fact]
        public void ParseAll_FindsPositionedAndUnpositionedDiagnostics_Once()
        {
            var diagnostics = BuildDiagnostic.ParseAll(Output);

            Assert.Equal(
                new[]
                {
                    new BuildDiagnostic("/tmp/run/consumers/a/Program.cs", 18, 13, "warning", "SOCK101", "'udp' is a datagram socket: 'Listen' throws SocketException (OperationNotSupported) (https://example.org/rules/SOCK101.md)"),
                    new BuildDiagnostic("CSC", 0, 0, "warning", "AD0001", "Analyzer 'X' threw an exception of type 'System.NullReferenceException'"),
                    new BuildDiagnostic("/tmp/run/consumers/a/Program.cs", 23, 9, "error", "SOCK109", "new Socket(A, B, C) throws SocketException"),
                },
                diagnostics);
        }

        [Fact]
        public void FileName_DropsTheFolder()
        {
            var diagnostic = Assert.Single(BuildDiagnostic.ParseAll("/x/y/Program.cs(1,2): warning CS0168: unused [/x/y/C.csproj]"));
            Assert.Equal("Program.cs", diagnostic.FileName);
        }
    }
}
