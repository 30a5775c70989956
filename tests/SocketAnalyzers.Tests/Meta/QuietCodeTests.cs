using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Meta/QuietCode holds realistic, correct socket code (echo server and clients, a TcpListener accept loop, UDP,
    /// Unix domain sockets, options set in time, legal calls that look wrong). It compiles into this test assembly,
    /// runs in QuietCodeRuntimeTests, and must yield no SOCK diagnostic from any analyzer: a rule that fires here
    /// fires on good code.
    /// </summary>
    public sealed class QuietCodeTests
    {
        public static TheoryData<TestFramework> Frameworks => new() { TestFramework.Net80, TestFramework.Net100 };

        private static (string Path, string Text)[] Sources { get; } = Directory
            .GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "SocketAnalyzers.Tests", "Meta", "QuietCode"), "*.cs")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToArray();

        [Fact]
        public void QuietCode_IsThere() => Assert.True(Sources.Length >= 5, $"Only {Sources.Length} quiet-code files found.");

        [Theory]
        [MemberData(nameof(Frameworks))]
        public async Task QuietCode_YieldsNoSocketDiagnostic(TestFramework framework)
        {
            var compilation = AnalyzerRunner.Compile(Sources, TestFrameworks.References(framework));
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "Quiet code must compile:\n" + string.Join("\n", errors));

            var run = await AnalyzerRunner.RunAsync(compilation);

            Assert.True(run.Failures.IsEmpty, string.Join("\n\n", run.Failures));
            var reported = run.Diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("SOCK", StringComparison.Ordinal)).ToList();
            Assert.True(reported.Count == 0, "Diagnostics on correct code:\n" + string.Join("\n", reported));
        }
    }
}
