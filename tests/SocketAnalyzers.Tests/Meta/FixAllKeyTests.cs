using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// A host may ask FixAll with another equivalence key than the fix's own: <c>dotnet format analyzers</c> asks with
    /// the key of whatever the fix offered for the first diagnostic its analyzer run returned, which can be of another
    /// ID than the one being fixed, or one the fix declines (null key). Every fix offers one kind of action, so its
    /// FixAll must fix exactly what it fixes when asked with its own key. Checked on the sample program, plus the three
    /// shapes whose fix it does not hold (SOCK401 on a stream, SOCK302 in an async method, a connecting constructor in
    /// async code).
    /// </summary>
    public sealed class FixAllKeyTests
    {
        private const string ExtraCases = """
            using System.Net.Sockets;

            internal static class ExtraCases
            {
                private static void ReadHeader(NetworkStream stream)
                {
                    var header = new byte[4];
                    stream.Read(header, 0, header.Length);
                }

                private static async Task<int> ReceiveAsync(Socket socket, byte[] buffer)
                {
                    await Task.Yield();
                    return socket.ReceiveAsync(buffer, SocketFlags.None).Result;
                }

                private static async Task<int> ConnectAsync(string host, int port, byte[] buffer)
                {
                    using var client = new TcpClient(host, port);
                    return await client.GetStream().ReadAsync(buffer, 0, buffer.Length);
                }
            }
            """;

        /// <summary>The sample project has ImplicitUsings on; the ad-hoc project has no global usings.</summary>
        private const string ImplicitUsings = "global using System;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\nglobal using System.IO;\n";

        public static TheoryData<string> CodeFixNames => AnalyzerCatalog.CodeFixNames;

        [Theory]
        [MemberData(nameof(CodeFixNames))]
        public async Task FixAll_AskedWithoutItsKey_FixesWhatItsOwnKeyFixes(string name)
        {
            using var workspace = new AdhocWorkspace();
            var project = CodeFixRunner.CreateDocument(workspace, "GlobalUsings.cs", ImplicitUsings, OutputKind.ConsoleApplication).Project
                .AddDocument("ExtraCases.cs", SourceText.From(ExtraCases)).Project;
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "SocketSample"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                project = project.AddDocument(Path.GetFileName(file), SourceText.From(File.ReadAllText(file))).Project;
            }

            var compilation = (await project.GetCompilationAsync())!;
            var run = await AnalyzerRunner.RunAsync(compilation);
            var fix = AnalyzerCatalog.CreateCodeFixes().Single(f => f.GetType().Name == name);
            var key = (string)fix.GetType().GetField("EquivalenceKey")!.GetRawConstantValue()!;

            var exercised = 0;
            foreach (var document in project.Documents)
            {
                var tree = await document.GetSyntaxTreeAsync();
                foreach (var id in fix.FixableDiagnosticIds)
                {
                    var diagnostics = run.Diagnostics.Where(d => d.Id == id && d.Location.SourceTree?.FilePath == tree!.FilePath).ToList();
                    var withKey = await FixedTextAsync(fix, document, id, key, diagnostics);
                    if (withKey is null)
                    {
                        continue;
                    }

                    exercised++;
                    Assert.Equal(withKey, await FixedTextAsync(fix, document, id, equivalenceKey: null, diagnostics));
                    Assert.Equal(withKey, await FixedTextAsync(fix, document, id, "SOCK000.SomeOtherFix", diagnostics));
                }
            }

            Assert.True(exercised > 0, $"{name} fixed nothing in the sample: the test does not exercise it.");
        }

        [Fact]
        public async Task FixAll_OfAProviderWithNothingToFix_IsANoOpNotAMissingAction()
        {
            // SOCK301 has two providers; `dotnet format analyzers` asks both, and a missing action reads "Unable to fix".
            using var workspace = new AdhocWorkspace();
            var document = CodeFixRunner.CreateDocument(workspace, "Blocking.cs", """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                internal static class Blocking
                {
                    private static async Task<int> ReceiveAsync(Socket socket, byte[] buffer)
                    {
                        await Task.Yield();
                        return socket.Receive(buffer);
                    }
                }
                """, OutputKind.DynamicallyLinkedLibrary);
            var run = await AnalyzerRunner.RunAsync((await document.Project.GetCompilationAsync())!);
            var diagnostics = run.Diagnostics.Where(d => d.Id == "SOCK301").ToList();
            Assert.Single(diagnostics);
            var fix = AnalyzerCatalog.CreateCodeFixes().Single(f => f.GetType().Name == "ConnectAfterConstructionFix");

            var action = await CodeFixRunner.FixAllInDocumentAsync(fix, document, "SOCK301", equivalenceKey: null, diagnostics, CancellationToken.None);

            Assert.NotNull(action);
            var solution = await CodeFixRunner.ApplyAsync(action!, CancellationToken.None);
            Assert.Equal((await document.GetTextAsync()).ToString(), (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString());
        }

        /// <summary>The document's text after FixAll, or null when FixAll changes nothing.</summary>
        private static async Task<string?> FixedTextAsync(CodeFixProvider fix, Document document, string id, string? equivalenceKey, IReadOnlyList<Diagnostic> diagnostics)
        {
            var action = await CodeFixRunner.FixAllInDocumentAsync(fix, document, id, equivalenceKey, diagnostics, CancellationToken.None);
            if (action is null)
            {
                return null;
            }

            var solution = await CodeFixRunner.ApplyAsync(action, CancellationToken.None);
            var text = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            return text == (await document.GetTextAsync()).ToString() ? null : text;
        }
    }
}
