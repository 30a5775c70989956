using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Options;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// SOCK303: a blocking socket call in synchronous code where blocking hurts (see rules/SOCK303.md): under a
    /// <c>lock</c> or Monitor, in a method configured as a hot path (<c>socket_analyzers.hot_path_attributes</c>,
    /// <c>socket_analyzers.hot_path_methods</c>), or in a loop of receives/accepts inside a thread-pool callback.
    /// </summary>
    /// <remarks>
    /// Silent in async functions (SOCK301 reports there) and for calls that cannot block (see
    /// <see cref="BlockingSocketCall.IsKnownReady(IInvocationOperation, FunctionFacts)"/>). A lambda inside a hot method is not itself a hot path: it may
    /// run elsewhere.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlockingSocketCallInHotPathAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.BlockingCallInHotPath);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var options = new OptionsReader(start.Options);
                    var functions = new FunctionFactsCache(symbols);
                    start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, options, functions), OperationKind.Invocation);
                }
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSocketSymbols symbols, OptionsReader options, FunctionFactsCache functions)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!BlockingSocketCall.MayBlock(invocation, symbols))
            {
                return;
            }

            var enclosing = AsyncCode.EnclosingFunction(invocation, context.ContainingSymbol, out var method);
            if (method is { IsAsync: true })
            {
                return;
            }

            var function = functions.Get(enclosing);
            if (BlockingSocketCall.Find(invocation, symbols, function) is not { } call)
            {
                return;
            }

            // The reason first: it looks at the call's ancestors and the options only, while IsKnownReady needs the
            // facts of the whole function. Most blocking calls have no reason.
            var reason = Reason(invocation, call, enclosing, method, context, options);
            if (reason is null || BlockingSocketCall.IsKnownReady(invocation, function))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.BlockingCallInHotPath,
                BlockingSocketCall.NameLocation(invocation),
                call.Display,
                reason));
        }

        private static string? Reason(IInvocationOperation invocation, BlockingCall member, IOperation function, IMethodSymbol? method, OperationAnalysisContext context, OptionsReader options)
        {
            if (HotPathReasons.IsUnderLock(invocation, function))
            {
                return HotPathReasons.Lock;
            }

            if (function is IAnonymousFunctionOperation)
            {
                return member.Operation is SocketOperation.Receive or SocketOperation.ReceiveFrom or SocketOperation.Accept
                    && HotPathReasons.IsThreadPoolCallback(function)
                    && HotPathReasons.IsInLoop(invocation, function)
                        ? HotPathReasons.ThreadPoolLoop
                        : null;
            }

            var tree = invocation.Syntax.SyntaxTree;
            var attributes = options.Get(SocketAnalyzerOptions.HotPathAttributes, tree);
            var methods = options.Get(SocketAnalyzerOptions.HotPathMethods, tree);
            if (attributes.IsEmpty && methods.IsEmpty)
            {
                return null;
            }

            // A local function counts as part of its containing member, and as a hot path of its own.
            return (method is not null ? HotPathReasons.ConfiguredHotPath(method, attributes, methods) : null)
                ?? HotPathReasons.ConfiguredHotPath(context.ContainingSymbol, attributes, methods);
        }
    }
}
