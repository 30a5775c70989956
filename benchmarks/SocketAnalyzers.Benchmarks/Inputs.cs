using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>Compiles a benchmark input against the .NET 10 reference assemblies and builds its control-flow graphs.</summary>
    internal static class Inputs
    {
        public static string Realistic() => Corpus.RealisticServer.Source;

        public static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
            "BenchmarkInput",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        /// <summary>Every method and constructor body with its graph and symbol.</summary>
        public static List<(ControlFlowGraph Graph, ISymbol Owner)> Graphs(CSharpCompilation compilation)
        {
            var result = new List<(ControlFlowGraph, ISymbol)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    if (model.GetOperation(declaration) is IMethodBodyOperation body)
                    {
                        result.Add((ControlFlowGraph.Create(body), model.GetDeclaredSymbol(declaration)!));
                    }
                    else if (model.GetOperation(declaration) is IConstructorBodyOperation constructor)
                    {
                        result.Add((ControlFlowGraph.Create(constructor), model.GetDeclaredSymbol(declaration)!));
                    }
                }
            }

            return result;
        }
    }
}
