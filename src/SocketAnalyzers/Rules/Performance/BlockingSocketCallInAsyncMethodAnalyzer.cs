using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// SOCK301: a blocking socket call with an async counterpart inside an async method, async lambda or async local
    /// function (see rules/SOCK301.md); also reads and writes of a reader, writer or stream wrapped around a network
    /// stream in the same function, connecting constructors (<see cref="ConnectingConstructors"/>), timed polls in a
    /// loop that never awaits (<see cref="TimedPoll"/>), and helpers of the compilation that block and have an
    /// <c>…Async</c> sibling.
    /// </summary>
    /// <remarks>
    /// Deliberately silent:
    /// 1. synchronous functions (SOCK303 covers locks and configured hot paths there);
    /// 2. calls that cannot block: the receiver was set <c>Blocking = false</c>, or the call is guarded by a check of
    ///    <c>Available</c>/<c>DataAvailable</c>/<c>Poll</c>/<c>Pending</c> on the same receiver;
    /// 3. <c>Dns.GetHostEntry</c>/<c>GetHostAddresses</c> in a function that does not connect anything: the rule is
    ///    about the connection path, not every name lookup;
    /// 4. members without an async counterpart in the compilation's target framework;
    /// 5. the synchronous branch of a method that picks synchronous or asynchronous I/O by a flag (<see cref="DualModeBranch"/>).
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlockingSocketCallInAsyncMethodAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The diagnostic property that carries the async counterpart's name, for the code fix.</summary>
        public const string CounterpartProperty = "AsyncCounterpart";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.BlockingCallInAsyncCode);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var functions = new FunctionFactsCache(symbols);
                    var work = new SocketWorkSummaries(start.Compilation, symbols);
                    start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, functions, work), OperationKind.Invocation);
                    start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
                    start.RegisterOperationAction(c => AnalyzeUnboundInvocation(c, symbols, functions), OperationKind.Invalid);
                    start.RegisterOperationAction(c => AnalyzeEndOfStream(c, symbols, functions), OperationKind.PropertyReference);
                }
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions, SocketWorkSummaries work)
        {
            // Cheap tests on the called method first; the walk up to the enclosing function only for candidates.
            var invocation = (IInvocationOperation)context.Operation;
            var mayBlock = BlockingSocketCall.MayBlock(invocation, symbols);
            if ((!mayBlock && !TimedPoll.IsCandidate(invocation.TargetMethod, symbols) && !IsHelperCandidate(invocation.TargetMethod, context.Compilation, work))
                || !AsyncCode.IsInAsyncFunction(invocation, context.ContainingSymbol, out var enclosing)
                || AsyncCode.RunsBeforeFirstAwaitOfEntryPoint(invocation, enclosing, context.ContainingSymbol))
            {
                return;
            }

            if (!mayBlock)
            {
                var other = TimedPoll.Find(invocation, enclosing, symbols) ?? BlockingHelper(invocation, context, work);
                if (other is { } found && !DualModeBranch.IsSynchronousBranch(invocation, enclosing))
                {
                    Report(context, BlockingSocketCall.NameLocation(invocation), found, fixable: found.Counterpart != TimedPoll.Counterpart);
                }

                return;
            }

            // A name lookup counts only where the function connects a socket: it is then on the connection path.
            var function = functions.Get(enclosing);
            work.OfferModel(context.Operation.SemanticModel);
            if (BlockingSocketCall.Find(invocation, symbols, function, field => work.HoldsNetworkStream(field, functions, context.CancellationToken)) is not { } call
                || BlockingSocketCall.IsKnownReady(invocation, function)
                || (call.IsNameLookup && !function.Connects)
                || DualModeBranch.IsSynchronousBranch(invocation, enclosing))
            {
                return;
            }

            Report(context, BlockingSocketCall.NameLocation(invocation), call, fixable: call.Fixable);
        }

        /// <summary>
        /// A call that does not bind because an argument's type is missing, on a receiver that binds to a socket type,
        /// whose every candidate overload is the same blocking member (<see cref="UnboundInvocation"/>). No fix: the
        /// overload to await is not known.
        /// </summary>
        private static void AnalyzeUnboundInvocation(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions)
        {
            if (!symbols.TryGetApi(UnboundInvocation.ReceiverType(context.Operation), out _)
                || UnboundInvocation.Find(context.Operation, context.Compilation, context.CancellationToken) is not { } invocation
                || BlockingSocketCall.FindMember(invocation, symbols) is not { } member
                || !AsyncCode.IsInAsyncFunction(context.Operation, context.ContainingSymbol, out var enclosing)
                || AsyncCode.RunsBeforeFirstAwaitOfEntryPoint(context.Operation, enclosing, context.ContainingSymbol))
            {
                return;
            }

            var function = functions.Get(enclosing);
            if (BlockingSocketCall.IsKnownReady(context.Operation, BlockingSocketCall.ReceiverSymbol(invocation, context.CancellationToken), function)
                || DualModeBranch.IsSynchronousBranch(context.Operation, enclosing))
            {
                return;
            }

            Report(context, BlockingSocketCall.NameLocation(context.Operation), BlockingCall.Of(member), fixable: false);
        }

        /// <summary><c>reader.EndOfStream</c> on a reader over a network stream (<see cref="NetworkStreamWrappers.FindEndOfStream"/>). No fix.</summary>
        private static void AnalyzeEndOfStream(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions)
        {
            var property = (IPropertyReferenceOperation)context.Operation;
            if (!NetworkStreamWrappers.IsEndOfStream(property.Property)
                || !AsyncCode.IsInAsyncFunction(property, context.ContainingSymbol, out var enclosing)
                || AsyncCode.RunsBeforeFirstAwaitOfEntryPoint(property, enclosing, context.ContainingSymbol))
            {
                return;
            }

            var function = functions.Get(enclosing);
            if (NetworkStreamWrappers.FindEndOfStream(property, function, symbols) is not { } call
                || BlockingSocketCall.IsKnownReady(property, BlockingSocketCall.ReferencedSymbol(property.Instance), function)
                || DualModeBranch.IsSynchronousBranch(property, enclosing))
            {
                return;
            }

            var location = property.Syntax is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : property.Syntax.GetLocation();
            Report(context, location, call, fixable: false);
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, KnownSocketSymbols symbols)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (ConnectingConstructors.Find(creation, symbols) is { } call
                && AsyncCode.IsInAsyncFunction(creation, context.ContainingSymbol, out var enclosing)
                && !AsyncCode.RunsBeforeFirstAwaitOfEntryPoint(creation, enclosing, context.ContainingSymbol)
                && !DualModeBranch.IsSynchronousBranch(creation, enclosing))
            {
                Report(context, creation.Syntax.GetLocation(), call, fixable: true);
            }
        }

        /// <summary>
        /// A synchronous helper of the compilation whose own body blocks on a socket, called where its task-based sibling
        /// (<c>SendAll</c> / <c>SendAllAsync</c>, same type) could be awaited.
        /// </summary>
        private static BlockingCall? BlockingHelper(IInvocationOperation invocation, OperationAnalysisContext context, SocketWorkSummaries work)
        {
            var method = invocation.TargetMethod;
            if (!IsHelperCandidate(method, context.Compilation, work))
            {
                return null;
            }

            work.OfferModel(context.Operation.SemanticModel);
            return work.BlockingWork(method, context.CancellationToken) is not null
                ? new BlockingCall(method.ContainingType.Name + "." + method.Name, method.Name + "Async", SocketOperation.None, isNameLookup: false)
                : null;
        }

        private static bool IsHelperCandidate(IMethodSymbol method, Compilation compilation, SocketWorkSummaries work) =>
            method.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask" }
            && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
            && work.HasAsyncSibling(method);

        private static void Report(OperationAnalysisContext context, Location location, BlockingCall call, bool fixable)
        {
            var properties = fixable
                ? ImmutableDictionary<string, string?>.Empty.Add(CounterpartProperty, call.Counterpart)
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.BlockingCallInAsyncCode, location, properties, call.Display, call.Counterpart));
        }
    }
}
