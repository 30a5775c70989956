using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>Compiles test code and runs the flow engine on one method, for tests of the engine itself.</summary>
    internal static class FlowTestHost
    {
        public static SocketFlowResult Analyze(string source, string methodName = "M")
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create(
                "FlowTest",
                new[] { tree },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var model = compilation.GetSemanticModel(tree);
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == methodName);
            var body = (IMethodBodyOperation)model.GetOperation(declaration)!;
            var graph = ControlFlowGraph.Create(body);
            var context = new FlowContext(compilation, KnownSocketSymbols.TryCreate(compilation)!);
            return SocketFlowAnalysis.Analyze(graph, context, model.GetDeclaredSymbol(declaration), CancellationToken.None);
        }
    }
}
