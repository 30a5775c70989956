using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Every code fix, offered every diagnostic the analyzers report on the robustness corpus, registers its actions and
    /// computes their edits without throwing: a fix that throws in the IDE shows an error bar instead of a light bulb.
    /// </summary>
    public sealed class CodeFixRobustnessTests
    {
        /// <summary>
        /// Diagnostics of each ID offered to the fixes (plus the last one): the large method has hundreds of the same
        /// few shapes, and offering them all took minutes (see <see cref="CodeFixRunner.Sample"/>).
        /// </summary>
        private const int DiagnosticsPerId = 8;

        public static TheoryData<string> Cases
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var name in RobustnessCorpus.Cases.Keys)
                {
                    data.Add(name);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Fixes_SurviveCorpusCase_WithoutException(string name)
        {
            using var workspace = new AdhocWorkspace();
            var kind = name == "TopLevelStatements" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var document = CodeFixRunner.CreateDocument(workspace, name + ".cs", RobustnessCorpus.Cases[name], kind);
            var compilation = (await document.Project.GetCompilationAsync())!;
            var run = await AnalyzerRunner.RunAsync(compilation);

            var failures = new List<string>();
            var offered = 0;
            foreach (var fix in AnalyzerCatalog.CreateCodeFixes())
            {
                foreach (var diagnostic in CodeFixRunner.Sample(run.Diagnostics.Where(diagnostic => fix.FixableDiagnosticIds.Contains(diagnostic.Id)), DiagnosticsPerId))
                {
                    offered++;
                    await TryFixAsync(fix, document, diagnostic, failures);
                }
            }

            if (name == "LargeMethod3000Statements")
            {
                // Holds stream sockets created with ProtocolType.Udp (SOCK109, which has a fix): the fixes are really exercised.
                Assert.True(offered > 0, "The corpus offered no diagnostic to any fix.");
            }

            Assert.True(failures.Count == 0, $"{failures.Count} code-fix failure(s) on {name} ({offered} diagnostics offered):\n" + string.Join("\n\n", failures.Distinct()));
        }

        private static async Task TryFixAsync(CodeFixProvider fix, Document document, Diagnostic diagnostic, List<string> failures)
        {
            try
            {
                foreach (var action in await CodeFixRunner.RegisterAsync(fix, document, diagnostic, CancellationToken.None))
                {
                    Assert.NotSame(document.Project.Solution, await CodeFixRunner.ApplyAsync(action, CancellationToken.None));
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                failures.Add($"{fix.GetType().Name} on {diagnostic}: {e}");
            }
        }
    }
}
