using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Symbols;
using Xunit.Abstractions;

namespace SocketAnalyzers.Tests.Flow
{
    public sealed class ZzOwnerDebugTests
    {
        private readonly ITestOutputHelper output;
        public ZzOwnerDebugTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Dump()
        {
            var source = System.IO.File.ReadAllText("/tmp/wrapdbg/src.cs");
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("T", new[] { tree }, Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var context = new FlowContext(compilation, KnownSocketSymbols.TryCreate(compilation)!);
            foreach (var name in new[] { "Entry", "Connection" })
            {
                var type = compilation.GetSymbolsWithName(name).OfType<INamedTypeSymbol>().Single();
                var owner = context.Owners.Of(type, default);
                output.WriteLine(name + ": " + (owner is null ? "null" : string.Join(",", owner.Members.Select(m => m.Name))));
            }

            var result = FlowTestHost.Analyze(source, "Probe");
            foreach (var o in result.NormalExit.Objects)
            {
                output.WriteLine($"{o.Origin.Kind} {o.Origin.Operation?.Syntax} {o.Value.Ownership} {o.Origin.OwningWrapper}");
            }
        }
    }
}
