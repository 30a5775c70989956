using System.Threading;
using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Options.InvalidConfigurationAnalyzer>;

namespace SocketAnalyzers.Tests.Options
{
    public sealed class InvalidConfigurationAnalyzerTests
    {
        private const string Source = """
            class C
            {
            }
            """;

        [Fact]
        public async Task BadNameInEditorConfig_ReportsOnceNamingTheKey()
        {
            var test = Verify.CreateTest(Source);
            test.TestState.Sources.Add(("/0/Other.cs", "class D { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [*.cs]
                socket_analyzers.hot_path_attributes = MyApp.HotPath, not a name
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK001").WithArguments(
                "socket_analyzers.hot_path_attributes",
                "MyApp.HotPath, not a name",
                "'not a name' is not a name; expected a comma-separated list of names (Namespace.Type or Namespace.Type.Member)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task BadValueInGlobalConfig_Reports()
        {
            var test = Verify.CreateTest(Source);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
                is_global = true
                socket_analyzers.hot_path_methods = Server..Tick
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK001").WithArguments(
                "socket_analyzers.hot_path_methods",
                "Server..Tick",
                "'Server..Tick' is not a name; expected a comma-separated list of names (Namespace.Type or Namespace.Type.Member)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task TwoBadKeys_ReportEachOnce()
        {
            var test = Verify.CreateTest(Source);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [*.cs]
                socket_analyzers.hot_path_attributes = 1Bad
                socket_analyzers.hot_path_methods = Good.Name, -
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK001").WithArguments(
                "socket_analyzers.hot_path_attributes", "1Bad", "'1Bad' is not a name; expected a comma-separated list of names (Namespace.Type or Namespace.Type.Member)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK001").WithArguments(
                "socket_analyzers.hot_path_methods", "Good.Name, -", "'-' is not a name; expected a comma-separated list of names (Namespace.Type or Namespace.Type.Member)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ValidValuesAndUnknownKeys_DoNotReport()
        {
            var test = Verify.CreateTest(Source);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [*.cs]
                socket_analyzers.hot_path_attributes = MyApp.HotPathAttribute, Other.Fast
                socket_analyzers.hot_path_methods = Tick, MyApp.Server.Pump
                dotnet_diagnostic.SOCK301.severity = error
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NoConfiguration_DoesNotReport() => await Verify.VerifyAsync(Source);
    }
}
