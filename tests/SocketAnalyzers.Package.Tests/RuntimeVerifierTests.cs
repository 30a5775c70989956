using System;
using System.IO;
using System.Linq;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// The runtime verifier as a consumer gets it from the package: one MSBuild property turns it on (interceptors
    /// generated, monitor referenced and copied), and without it nothing is generated or copied.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class RuntimeVerifierTests
    {
        private const string Switch = "SocketAnalyzersRuntimeVerification";
        private const string GeneratorFolder = "SocketAnalyzers.RuntimeVerifier.Generator";
        private const string MonitorAssembly = "SocketAnalyzers.RuntimeVerifier.dll";

        private readonly PackageFixture fixture;

        public RuntimeVerifierTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void SwitchOn_ReportsTheViolationWithFileAndLine_AndTheRealExceptionStillHappens()
        {
            var options = new ConsumerOptions();
            options.Properties[Switch] = "true";
            var consumer = fixture.CreateConsumer("verifier-on", RuntimeVerifierProgram.Source, options);

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            Assert.True(consumer.FileExists(Path.Combine("bin", "Debug", "net10.0", MonitorAssembly)), build.ToString());
            // The interceptors are generated code: no analyzer of the package reports on them, and they compile clean.
            Assert.DoesNotContain(build.Diagnostics, d => d.FileName.EndsWith(".g.cs", StringComparison.Ordinal));

            var run = consumer.Run();
            Assert.True(run.Succeeded, run.ToString());
            var position = RuntimeVerifierProgram.SecondBind;
            Assert.Contains($"SocketAnalyzers: Program.cs({position.Line},{position.Column}): SOCK107: Socket.Bind", run.Output, StringComparison.Ordinal);
            Assert.Contains("the real exception: InvalidArgument", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void ModeProperty_LandsInRuntimeConfig_AndThrowModeStopsTheProgramAtTheMistake()
        {
            var options = new ConsumerOptions();
            options.Properties[Switch] = "true";
            options.Properties["SocketAnalyzersRuntimeVerificationMode"] = "throw";
            var consumer = fixture.CreateConsumer("verifier-throw", RuntimeVerifierProgram.Source, options);

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            var runtimeConfig = consumer.ReadFile(Path.Combine("bin", "Debug", "net10.0", "Consumer.runtimeconfig.json"));
            Assert.Contains("\"SocketAnalyzers.RuntimeVerifier.Mode\": \"throw\"", runtimeConfig, StringComparison.Ordinal);

            var run = consumer.Run();
            Assert.False(run.Succeeded, run.ToString());
            Assert.Contains("SocketAnalyzers.RuntimeVerifier.SocketProtocolViolationException: SOCK107 at Program.cs(", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("the real exception", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void BadPropertyValue_GivesOneWarningNamingTheProperty_AndTheBuildSucceeds()
        {
            var options = new ConsumerOptions();
            options.Properties[Switch] = "true";
            options.Properties["SocketAnalyzersLeakDetection"] = "sometimes";
            var consumer = fixture.CreateConsumer("verifier-bad-property", RuntimeVerifierProgram.Source, options);

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            var warning = Assert.Single(build.DiagnosticsWithId("SOCK001"));
            Assert.Equal("warning", warning.Severity);
            Assert.Contains("'SocketAnalyzersLeakDetection' has an invalid value 'sometimes'", warning.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void LeakOfASocketFromAFactory_IsReportedAtTheFactoryCall()
        {
            // Every socket of this program comes from a helper (a local function of the top-level program): the leak
            // report names the line that called the helper, and the helper, not the first call made on the socket.
            const string program = """
                using System.Net;
                using System.Net.Sockets;

                static Socket Tcp() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                static void Leak()
                {
                    var socket = Tcp();
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                }

                Leak();
                for (var i = 0; i < 3; i++)
                {
                    System.GC.Collect();
                    System.GC.WaitForPendingFinalizers();
                }
                """;
            var options = new ConsumerOptions();
            options.Properties[Switch] = "true";
            options.Properties["SocketAnalyzersLeakDetection"] = "full";
            var consumer = fixture.CreateConsumer("verifier-factory-leak", program, options);

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());
            var run = consumer.Run();

            Assert.True(run.Succeeded, run.ToString());
            var call = SourcePosition.Of(program, "Tcp();\n    socket.Bind");
            var bind = SourcePosition.Of(program, "Bind(new IPEndPoint");
            Assert.Contains(
                $"SocketAnalyzers: Program.cs({call.Line},{call.Column}): SOCK201: a Stream Socket in state Bound was garbage-collected without Close or Dispose; created at Program.cs({call.Line},{call.Column}) (Program.Tcp); history: Bind@{bind.Line}:{bind.Column}",
                run.Output,
                StringComparison.Ordinal);
        }

        [Fact]
        public void LangVersion10_GivesOneRequirementWarning_InsteadOfCS8936_AndBuildsAsWithoutTheSwitch()
        {
            var options = new ConsumerOptions();
            options.Properties[Switch] = "true";
            options.Properties["LangVersion"] = "10";
            options.Properties["SocketAnalyzersRuntimeVerificationMode"] = "throw";
            options.Files["Mistakes.cs"] = MistakesBesideTheProgram;
            var consumer = fixture.CreateConsumer("verifier-langversion-10", RuntimeVerifierProgram.Source, options);

            var build = consumer.Build();

            Assert.True(build.Succeeded, build.ToString());
            var warning = Assert.Single(build.DiagnosticsWithId("SOCK001"));
            Assert.Equal("warning", warning.Severity);
            Assert.Equal(
                "SocketAnalyzersRuntimeVerification is true, but the runtime verifier needs C# 11 or later, and LangVersion is '10': set LangVersion to 11 or later, or remove it; the verifier is off for this build (the analyzers still run)",
                warning.Message);
            AssertBuiltAsWithoutTheVerifier(consumer, build);
        }

        [Fact]
        public void CompilerOlderThan414_GivesOneRequirementWarning_AndBuildsAsWithoutTheSwitch()
        {
            // The SDK picks a package's analyzer folders by CompilerApiVersion ("roslyn4.8" on the .NET 8 SDK and
            // Visual Studio 17.8): set from the command line it stands in for an older compiler, which the registry
            // does not serve. The roslyn4.14 folder (the generator) is then left out, as on such a compiler.
            var options = new ConsumerOptions();
            options.Properties[Switch] = "true";
            options.Properties["SocketAnalyzersRuntimeVerificationMode"] = "throw";
            options.Files["Mistakes.cs"] = MistakesBesideTheProgram;
            var consumer = fixture.CreateConsumer("verifier-compiler-4.8", RuntimeVerifierProgram.Source, options);

            var build = consumer.Build("-p:CompilerApiVersion=roslyn4.8");

            Assert.True(build.Succeeded, build.ToString());
            var warning = Assert.Single(build.DiagnosticsWithId("SOCK001"));
            Assert.Equal(
                "SocketAnalyzersRuntimeVerification is true, but the runtime verifier needs a Roslyn 4.14 or later compiler (.NET SDK 9.0.300 or later, Visual Studio 17.14 or later), and this build's compiler API is 'roslyn4.8': update the SDK or IDE; the verifier is off for this build (the analyzers still run)",
                warning.Message);
            AssertBuiltAsWithoutTheVerifier(consumer, build);
        }

        [Fact]
        public void TargetFrameworkBelowNet8_GivesOneRequirementWarning_AndReferencesNoMonitor()
        {
            var options = new ConsumerOptions();
            options.Properties[Switch] = "true";
            options.Properties["TargetFramework"] = "netstandard2.0";
            options.Properties["OutputType"] = "Library";
            options.Properties["ImplicitUsings"] = "disable";
            options.Properties["Nullable"] = "disable";
            options.Properties["LangVersion"] = "latest"; // the SDK's default for netstandard2.0 is 7.3
            var consumer = fixture.CreateConsumer("verifier-netstandard", SocketMistakesProgram.Source.Replace("internal static class Program", "public static class Library", StringComparison.Ordinal), options);

            var build = consumer.Build();

            Assert.True(build.Succeeded, build.ToString());
            var warning = Assert.Single(build.DiagnosticsWithId("SOCK001"));
            Assert.Equal(
                "SocketAnalyzersRuntimeVerification is true, but the runtime verifier needs a project targeting .NET 8 or later, and this one targets 'netstandard2.0': turn the verifier on only in .NET 8 or later projects; the verifier is off for this build (the analyzers still run)",
                warning.Message);
            Assert.Single(build.DiagnosticsWithId("SOCK101"));
            Assert.Empty(Directory.GetFiles(Path.Combine(consumer.Directory, "bin"), "SocketAnalyzers*", SearchOption.AllDirectories));
        }

        [Fact]
        public void SwitchOff_GeneratesNothing_AndCopiesNothing()
        {
            var options = new ConsumerOptions();
            options.Properties["EmitCompilerGeneratedFiles"] = "true";
            var consumer = fixture.CreateConsumer("verifier-off", RuntimeVerifierProgram.Source, options);

            var build = consumer.Build();
            Assert.True(build.Succeeded, build.ToString());

            var generated = Path.Combine(consumer.Directory, "obj", "Debug", "net10.0", "generated");
            Assert.False(
                Directory.Exists(generated) && Directory.EnumerateDirectories(generated, GeneratorFolder, SearchOption.AllDirectories).Any(),
                "the generator ran without the switch");
            Assert.Empty(Directory.GetFiles(Path.Combine(consumer.Directory, "bin"), "SocketAnalyzers*", SearchOption.AllDirectories));
            var run = consumer.Run();
            Assert.True(run.Succeeded, run.ToString());
            Assert.DoesNotContain("SocketAnalyzers:", run.Output, StringComparison.Ordinal);
        }

        /// <summary>SocketMistakesProgram's two static mistakes, in a file beside a top-level program.</summary>
        private static string MistakesBesideTheProgram =>
            SocketMistakesProgram.Source.Replace("private static void Main()", "private static void Unused()", StringComparison.Ordinal)
                .Replace("internal static class Program", "internal static class Mistakes", StringComparison.Ordinal);

        /// <summary>
        /// What a build with an unmet requirement must look like: the analyzers report, nothing of the verifier is
        /// generated, referenced or copied, no interceptor error, and the program runs unobserved.
        /// </summary>
        private static void AssertBuiltAsWithoutTheVerifier(ConsumerProject consumer, CommandResult build)
        {
            var ids = build.Diagnostics.Select(d => d.Id).ToArray();
            Assert.Contains("SOCK101", ids);
            Assert.Contains("SOCK109", ids);
            // CS8936: a feature of a later language version; CS9137: interceptors not enabled; CS0246: a type not found.
            Assert.DoesNotContain(ids, id => id is "CS8936" or "CS9137" or "CS0246" or "CS8032");
            Assert.Empty(Directory.GetFiles(Path.Combine(consumer.Directory, "bin"), "SocketAnalyzers*", SearchOption.AllDirectories));
            Assert.DoesNotContain("SocketAnalyzers.RuntimeVerifier", consumer.ReadFile(Path.Combine("bin", "Debug", "net10.0", "Consumer.runtimeconfig.json")), StringComparison.Ordinal);
            Assert.DoesNotContain("SocketAnalyzers.RuntimeVerifier", consumer.ReadFile(Path.Combine("bin", "Debug", "net10.0", "Consumer.deps.json")), StringComparison.Ordinal);

            var run = consumer.Run();
            Assert.True(run.Succeeded, run.ToString());
            Assert.Contains("the real exception: InvalidArgument", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("SocketAnalyzers:", run.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void PinnedCompiler414_LoadsTheAnalyzersBesideTheVersionedGeneratorFolder_AndTheVerifierWorks()
        {
            // SocketMistakesProgram's two static mistakes, plus the run-time one: the unversioned analyzers/dotnet/cs
            // folder (the analyzers) must load together with analyzers/dotnet/roslyn4.14/cs (the generator).
            var options = new ConsumerOptions().PinCompilerToolset("4.14.0");
            options.Properties[Switch] = "true";
            options.Properties["ErrorLog"] = "$(MSBuildProjectDirectory)/out.sarif,version=2.1";
            options.Files["Mistakes.cs"] = MistakesBesideTheProgram;
            var consumer = fixture.CreateConsumer("verifier-compiler-4.14", RuntimeVerifierProgram.Source, options);

            var build = consumer.Build();

            Assert.True(build.Succeeded, build.ToString());
            Assert.Equal("4.14.0", consumer.ReadSarif("out.sarif").ToolVersion);
            var ids = build.Diagnostics.Select(d => d.Id).ToArray();
            Assert.Contains("SOCK101", ids);
            Assert.Contains("SOCK109", ids);
            // CS8032: an analyzer assembly could not be loaded; AD0001: an analyzer threw; CS9137: interceptors not enabled.
            Assert.DoesNotContain(ids, id => id is "CS8032" or "AD0001" or "CS9137");
            var run = consumer.Run();
            Assert.True(run.Succeeded, run.ToString());
            Assert.Contains("): SOCK107: Socket.Bind", run.Output, StringComparison.Ordinal);
        }
    }
}
