using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow.Tracking;
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
    public sealed partial class SocketFieldDisposalAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>
        /// The property that marks a SOCK204 decided at compilation end. The IDE does not offer code fixes for those
        /// (they are not tied to one document's analysis), so the fix skips them.
        /// </summary>
        public const string CompilationEndProperty = "CompilationEnd";

        private static readonly ImmutableDictionary<string, string?> ReportedAtCompilationEnd =
            ImmutableDictionary<string, string?>.Empty.Add(CompilationEndProperty, "true");

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
                var facts = new SocketFieldCompilationFacts(symbols);
                var entryPoint = new EntryPointCreations(start.Compilation);
                var models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
#pragma warning disable RS1030 // Call sites of a type's constructors live in other trees; one model per tree per compilation, only for candidates.
                var process = new ProcessLifetime(start.Compilation, tree => models.GetOrAdd(tree, start.Compilation.GetSemanticModel(tree)));
#pragma warning restore RS1030
                var candidates = new ConcurrentQueue<Candidate>();
                start.RegisterOperationAction(facts.NoteCreation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(facts.NoteInvocation, OperationKind.Invocation);
                start.RegisterSymbolStartAction(
                    symbolStart =>
                    {
                        if (symbolStart.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type
                            || SocketFieldCollector.TryCreate(type, symbols) is not { } collector)
                        {
                            return;
                        }

                        symbolStart.RegisterOperationBlockAction(collector.Collect);
                        symbolStart.RegisterSymbolEndAction(end => Collect(end, type, collector, disposable, asyncDisposable, entryPoint, process, candidates));
                    },
                    SymbolKind.NamedType);

                // Whether a field is owned or closed can depend on code in other types (who creates the type, who
                // closes its members): the decision waits for the whole compilation.
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var candidate in candidates)
                    {
                        end.CancellationToken.ThrowIfCancellationRequested();
                        if (candidate.Decide(facts) is { } diagnostic)
                        {
                            end.ReportDiagnostic(diagnostic);
                        }
                    }
                });
            });
        }

        private const string FailingShutdownReason = "its only Close follows a Shutdown, which throws on a socket that never connected, so that Close never runs";

        private static void Collect(SymbolAnalysisContext context, INamedTypeSymbol type, SocketFieldCollector collector, INamedTypeSymbol? disposable, INamedTypeSymbol? asyncDisposable, EntryPointCreations entryPoint, ProcessLifetime process, ConcurrentQueue<Candidate> candidates)
        {
            var isDisposable = Implements(type, disposable) || Implements(type, asyncDisposable);
            HashSet<IFieldSymbol>? disposedOnDispose = null;
            HashSet<IFieldSymbol>? closedByAnyMember = null;
            HashSet<IFieldSymbol>? afterShutdown = null;
            foreach (var pair in collector.Fields)
            {
                var field = pair.Key;
                var facts = pair.Value;

                // Bail-outs, each with its reason:
                // 1. Nothing owned is ever stored: the socket is injected, and its owner is elsewhere — unless every
                //    creation of the type hands the constructor a socket of its own (decided at compilation end).
                // 2. A value from elsewhere is stored too: which one the field holds is not known.
                // 3. The value leaves the type (returned, handed to a method, stored elsewhere): its new holder may own it.
                var throughConstructor = facts.OwnedAssignments.Count == 0 && facts.ConstructorParameters.Count > 0 && !facts.HasOtherForeignValue;
                if (facts.Escapes || (!throughConstructor && (facts.OwnedAssignments.Count == 0 || facts.HasForeignValue)))
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

                    reason = SocketFieldCollector.IsUnityBehaviour(type)
                        ? "never closes it: Unity keeps the process when play stops or the object is destroyed (close it in OnDestroy)"
                        : "does not implement IDisposable";
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

                // The only Close follows a Shutdown: a socket that may never have connected is then not closed; one that
                // always connected is (the Close counts after all).
                afterShutdown ??= collector.ClosedOnlyAfterFailingShutdown(context.CancellationToken);
                if (afterShutdown.Contains(field))
                {
                    reason = FailingShutdownReason;
                }
                else if (collector.ClosedAfterAnyShutdown(field))
                {
                    continue;
                }

                // 6. A type with no stop path at all that the entry point creates once (new Server().Run() in Main, the
                // main form), or that only bodies running once per process create (a static singleton, a server the
                // entry point's Start method makes): it holds the socket for the life of the process, and the system
                // closes it at exit.
                closedByAnyMember ??= collector.ClosedByAnyMember(context.CancellationToken);
                if (!isDisposable && closedByAnyMember.Count == 0 && !collector.HasStopMethod
                    && (entryPoint.Creates(type, context.CancellationToken) || process.CreatedOncePerProcess(type, context.CancellationToken)))
                {
                    continue;
                }

                var stores = new List<Location>(facts.OwnedAssignments);
                foreach (var (_, store) in facts.ConstructorParameters)
                {
                    stores.Add(store);
                }

                // Blocks ran concurrently: order the additional locations by position, for stable output.
                stores.Sort(static (a, b) => a.SourceSpan.Start.CompareTo(b.SourceSpan.Start));
                var symbol = field.AssociatedSymbol ?? field;
                var location = symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
                var constructorParameters = throughConstructor ? facts.ConstructorParameters.ConvertAll(static p => p.Parameter) : null;

                // Decided here unless other types can change the verdict: a field they can reach and close
                // (owner.tcp.socket.Close()), or a socket handed to the constructor (who creates the type, with what).
                if (constructorParameters is null && symbol.DeclaredAccessibility == Accessibility.Private)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SocketFieldNotDisposed, location, stores, type.Name, facts.Api.ToString(), symbol.Name, reason));
                    continue;
                }

                var diagnostic = Diagnostic.Create(Descriptors.SocketFieldNotDisposed, location, stores, ReportedAtCompilationEnd, type.Name, facts.Api.ToString(), symbol.Name, reason);
                candidates.Enqueue(new Candidate(diagnostic, field, constructorParameters, collector.ExposesSockets()));
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
