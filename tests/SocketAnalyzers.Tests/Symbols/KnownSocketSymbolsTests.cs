using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Tests.Symbols
{
    /// <summary>The socket symbols are resolved once per compilation and shared by every analyzer (issue 13, "Cost").</summary>
    public sealed class KnownSocketSymbolsTests
    {
        [Fact]
        public void SameCompilation_GivesTheSameInstanceOnEveryThread()
        {
            var compilation = Compile("class C { System.Net.Sockets.Socket s; }");
            var seen = new ConcurrentBag<KnownSocketSymbols?>();
            Parallel.For(0, 64, _ => seen.Add(KnownSocketSymbols.TryCreate(compilation)));

            var first = KnownSocketSymbols.TryCreate(compilation);
            Assert.NotNull(first);
            Assert.All(seen, symbols => Assert.Same(first, symbols));
        }

        [Fact]
        public void AnotherCompilation_GetsItsOwnSymbols()
        {
            var compilation = Compile("class C { }");
            var changed = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }"));

            var before = KnownSocketSymbols.TryCreate(compilation);
            var after = KnownSocketSymbols.TryCreate(changed);

            Assert.NotSame(before, after);
            Assert.Same(changed.GetTypeByMetadataName("System.Net.Sockets.Socket"), after!.Socket);
        }

        [Fact]
        public void CompilationWithoutSockets_IsNoneEveryTime()
        {
            var compilation = CSharpCompilation.Create("NoSockets", new[] { CSharpSyntaxTree.ParseText("class C { }") }, Array.Empty<MetadataReference>());

            Assert.Null(KnownSocketSymbols.TryCreate(compilation));
            Assert.Null(KnownSocketSymbols.TryCreate(compilation));
        }

        [Fact]
        public async Task AnalyzersOfOneRun_GetTheSameInstance()
        {
            // The driver hands every analyzer the same compilation object (with its event queue, not the one passed in):
            // the cache is keyed by it, so all the analyzers of one build share one resolution.
            var first = new SymbolsRecorder();
            var second = new SymbolsRecorder();
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(first, second);
            var run = Compile("class C { void M(System.Net.Sockets.Socket s) { s.Close(); } }").WithAnalyzers(analyzers);

            await run.GetAnalyzerDiagnosticsAsync();

            Assert.NotNull(first.Seen);
            Assert.Same(first.Seen, second.Seen);
        }

        [Fact]
        public void DroppedCompilation_IsNotKeptAlive()
        {
            var weak = ResolveAndForget();
            for (var i = 0; i < 3 && weak.IsAlive; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Assert.False(weak.IsAlive);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference ResolveAndForget()
        {
            var compilation = Compile("class C { }");
            Assert.NotNull(KnownSocketSymbols.TryCreate(compilation));
            return new WeakReference(compilation);
        }

        private static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
            "Symbols",
            new[] { CSharpSyntaxTree.ParseText(source) },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        /// <summary>Records the symbols the compilation-start action gets, as every SOCK analyzer's start action asks for them.</summary>
#pragma warning disable RS1036, RS1038, RS1041, RS2008 // A test-only analyzer: never shipped, so no Workspaces split, target or release tracking.
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class SymbolsRecorder : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Unused = new("TEST0001", "t", "t", "t", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            public KnownSocketSymbols? Seen { get; private set; }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start =>
                {
                    this.Seen = KnownSocketSymbols.TryCreate(start.Compilation);
                    start.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                });
            }
        }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
    }
}
