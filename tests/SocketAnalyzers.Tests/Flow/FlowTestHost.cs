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
        public static SocketFlowResult Analyze(string source, string methodName = "M") =>
            Analyze(source, methodName, CancellationToken.None);

        /// <summary>The single tracked object created by <c>new</c> of <paramref name="typeName"/> and its value at an exit.</summary>
        public static SocketAnalyzers.Flow.Tracking.TrackedSocket Created(SocketAnalyzers.Flow.Tracking.FlowExit exit, string variable) =>
            exit.Objects.Single(o => o.Origin.Operation?.Parent is { } parent && parent.Syntax.ToString().StartsWith(variable + " =", System.StringComparison.Ordinal));

        public static SocketFlowResult Analyze(string source, string methodName, CancellationToken cancellationToken)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create(
                "FlowTest",
                new[] { tree, CSharpSyntaxTree.ParseText("global using System; global using System.Net; global using System.Net.Sockets; global using System.Threading.Tasks;", new CSharpParseOptions(LanguageVersion.Latest)) },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var model = compilation.GetSemanticModel(tree);
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == methodName);
            var body = (IMethodBodyOperation)model.GetOperation(declaration)!;
            var graph = ControlFlowGraph.Create(body);
            var context = new FlowContext(compilation, KnownSocketSymbols.TryCreate(compilation)!);
            return SocketFlowAnalysis.Analyze(graph, context, model.GetDeclaredSymbol(declaration), cancellationToken);
        }
    }
}
