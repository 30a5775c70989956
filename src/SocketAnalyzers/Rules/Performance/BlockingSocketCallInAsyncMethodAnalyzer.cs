using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
    /// stream in the same function.
    /// </summary>
    /// <remarks>
    /// Deliberately silent:
    /// 1. synchronous functions (SOCK303 covers locks and configured hot paths there);
    /// 2. calls that cannot block: the receiver was set <c>Blocking = false</c>, or the call is guarded by a check of
    ///    <c>Available</c>/<c>DataAvailable</c>/<c>Poll</c>/<c>Pending</c> on the same receiver;
    /// 3. <c>Dns.GetHostEntry</c>/<c>GetHostAddresses</c> in a function that does not connect anything: the rule is
    ///    about the connection path, not every name lookup;
    /// 4. members without an async counterpart in the compilation's target framework.
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
                    start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, functions), OperationKind.Invocation);
                }
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!BlockingSocketCall.MayBlock(invocation, symbols)
                || !AsyncCode.IsInAsyncFunction(invocation, context.ContainingSymbol, out var enclosing))
            {
                return;
            }

            // A name lookup counts only where the function connects a socket: it is then on the connection path.
            var function = functions.Get(enclosing);
            if (BlockingSocketCall.Find(invocation, symbols, function) is not { } call
                || BlockingSocketCall.IsKnownReady(invocation, function)
                || (call.IsNameLookup && !function.Connects))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(CounterpartProperty, call.Counterpart);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.BlockingCallInAsyncCode,
                BlockingSocketCall.NameLocation(invocation),
                properties,
                call.Display,
                call.Counterpart));
        }
    }
}
