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
    /// SOCK302: <c>.Result</c>, <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c> on the task of a socket or network
    /// stream async method (see rules/SOCK302.md), directly or through a local that holds it.
    /// </summary>
    /// <remarks>
    /// Deliberately silent: a task local that is awaited, passed on (Task.WhenAll, …) or checked with IsCompleted*
    /// anywhere in the function (it may be complete when read); tasks of other APIs (Dns, files: not socket work).
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SyncOverAsyncSocketWaitAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SyncOverAsyncSocketWait);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var functions = new FunctionFactsCache(symbols);
                    start.RegisterOperationAction(c => AnalyzeWait(c, symbols, functions), OperationKind.PropertyReference, OperationKind.Invocation);
                }
            });
        }

        /// <summary>The task expression a wait blocks on and how it waits, or null when the operation is no wait.</summary>
        internal static IOperation? WaitedTask(IOperation operation, out string how)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } when IsTaskType(task.Type):
                    how = ".Result";
                    return task;
                case IInvocationOperation { TargetMethod.Name: "Wait", Instance: { } task, Arguments.Length: 0 } when IsTaskType(task.Type):
                    how = ".Wait()";
                    return task;
                case IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } task } }:
                    how = ".GetAwaiter().GetResult()";
                    return task;
                default:
                    how = string.Empty;
                    return null;
            }
        }

        private static void AnalyzeWait(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions)
        {
            if (WaitedTask(context.Operation, out var how) is not { } task)
            {
                return;
            }

            var function = functions.Get(AsyncCode.EnclosingFunction(context.Operation, context.ContainingSymbol, out _));
            if (SocketTaskOrigin(task, function, symbols) is not { } member)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SyncOverAsyncSocketWait,
                WaitLocation(context.Operation),
                how,
                BlockingSocketCall.Display(member)));
        }

        /// <summary>The socket async member a task comes from, through AsTask/ConfigureAwait and a single-assignment local.</summary>
        private static ProtocolMember? SocketTaskOrigin(IOperation task, FunctionFacts function, KnownSocketSymbols symbols)
        {
            var value = Unwrap(task);
            if (value is ILocalReferenceOperation reference)
            {
                if (LocalTaskOrigin(reference.Local, function) is not { } initializer)
                {
                    return null;
                }

                value = Unwrap(initializer);
            }

            if (value is not IInvocationOperation call)
            {
                return null;
            }

            var member = symbols.TryGetApi(call.Instance?.Type, out var api) ? ProtocolApiMap.Find(api, call.TargetMethod.Name) : null;
            member ??= symbols.FindMember(call.TargetMethod);
            return member is { Api: not SocketApi.Dns } && member.Has(ApiTraits.Async) && IsTaskType(call.Type) ? member : null;
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "AsTask" or "ConfigureAwait", Instance: { } inner }:
                        value = inner;
                        continue;
                    default:
                        return value;
                }
            }
        }

        /// <summary>The only value ever stored in a task local, when the function does nothing with it but wait.</summary>
        private static IOperation? LocalTaskOrigin(ILocalSymbol local, FunctionFacts function)
        {
            if (!function.TryGetDeclaredValue(local, out var origin) || function.IsAssigned(local))
            {
                return null;
            }

            var references = function.References(local);
            for (var i = 0; i < references.Count; i++)
            {
                // Only waits on it: anything else (await, Task.WaitAll(t), IsCompleted, …) may complete it first.
                var reference = references[i];
                var isWait = reference.Parent switch
                {
                    IPropertyReferenceOperation { Property.Name: "Result" } => true,
                    IInvocationOperation { TargetMethod.Name: "Wait" or "GetAwaiter" or "ConfigureAwait" or "AsTask" } call => call.Instance == reference,
                    _ => false,
                };
                if (!isWait)
                {
                    return null;
                }
            }

            return origin;
        }

        private static bool IsTaskType(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };

        private static Location WaitLocation(IOperation wait) => wait.Syntax switch
        {
            MemberAccessExpressionSyntax access => access.Name.GetLocation(),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.GetLocation(),
            _ => wait.Syntax.GetLocation(),
        };
    }
}
