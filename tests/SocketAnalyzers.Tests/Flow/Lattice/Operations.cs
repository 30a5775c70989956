using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Tests.Flow.Lattice
{
    /// <summary>Real operations to stand for causes in lattice tests.</summary>
    internal static class Operations
    {
        public static IOperation Parse(string expression)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { object M() => " + expression + "; }");
            var compilation = CSharpCompilation.Create("Lattice", new[] { tree }, Basic.Reference.Assemblies.Net100.References.All);
            var syntax = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
            return compilation.GetSemanticModel(tree).GetOperation(syntax)!;
        }
    }
}
