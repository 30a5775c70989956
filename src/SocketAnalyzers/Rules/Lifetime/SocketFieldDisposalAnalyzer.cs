using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK204: a type stores a socket it created or accepted in a field, and never disposes it (see rules/SOCK204.md).
    /// Flow-insensitive over the members of one type: it gathers, per field, the owned values stored in it and whether
    /// the value escapes; per method, what it closes and which helpers it calls; then follows Dispose into its helpers.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SocketFieldDisposalAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SocketFieldNotDisposed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is not { } symbols)
                {
                    return;
                }

                var disposable = TypeLookup.Find(start.Compilation, "System.IDisposable");
                var asyncDisposable = TypeLookup.Find(start.Compilation, "System.IAsyncDisposable");
                start.RegisterSymbolStartAction(
                    symbolStart =>
                    {
                        if (symbolStart.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type
                            || SocketFieldCollector.TryCreate(type, symbols) is not { } collector)
                        {
                            return;
                        }

                        symbolStart.RegisterOperationBlockAction(collector.Collect);
                        symbolStart.RegisterSymbolEndAction(end => Report(end, type, collector, disposable, asyncDisposable));
                    },
                    SymbolKind.NamedType);
            });
        }

        private static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, SocketFieldCollector collector, INamedTypeSymbol? disposable, INamedTypeSymbol? asyncDisposable)
        {
            var isDisposable = Implements(type, disposable) || Implements(type, asyncDisposable);
            HashSet<IFieldSymbol>? disposedOnDispose = null;
            HashSet<IFieldSymbol>? closedByAnyMember = null;
            foreach (var pair in collector.Fields)
            {
                var field = pair.Key;
                var facts = pair.Value;

                // Bail-outs, each with its reason:
                // 1. Nothing owned is ever stored: the socket is injected, and its owner is elsewhere.
                // 2. A value from elsewhere is stored too: which one the field holds is not known.
                // 3. The value leaves the type (returned, handed to a method, stored elsewhere): its new holder may own it.
                if (facts.OwnedAssignments.Count == 0 || facts.HasForeignValue || facts.Escapes)
                {
                    continue;
                }

                string reason;
                if (!isDisposable)
                {
                    // 4. A type with a lifecycle of its own (Start/Stop, Connect/Close) that closes the field: callers
                    // end its life by that method. Not being IDisposable is a design choice (CA1001, IDISP006), not a leak.
                    closedByAnyMember ??= collector.ClosedByAnyMember(context.CancellationToken);
                    if (closedByAnyMember.Contains(field))
                    {
                        continue;
                    }

                    reason = "does not implement IDisposable";
                }
                else
                {
                    // 5. No Dispose of its own: the inherited one may call an override we cannot tell from others.
                    if (!collector.HasDisposeMethod)
                    {
                        continue;
                    }

                    disposedOnDispose ??= collector.DisposedFromDispose(context.CancellationToken);
                    if (disposedOnDispose.Contains(field))
                    {
                        continue;
                    }

                    reason = "its Dispose does not dispose it";
                }

                // Blocks ran concurrently: order the additional locations by position, for stable output.
                facts.OwnedAssignments.Sort(static (a, b) => a.SourceSpan.Start.CompareTo(b.SourceSpan.Start));
                var name = field.AssociatedSymbol?.Name ?? field.Name;
                var location = (field.AssociatedSymbol ?? field).Locations.Length > 0 ? (field.AssociatedSymbol ?? field).Locations[0] : Location.None;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SocketFieldNotDisposed,
                    location,
                    facts.OwnedAssignments,
                    type.Name,
                    facts.Api.ToString(),
                    name,
                    reason));
            }
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? contract)
        {
            if (contract is null)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, contract))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
