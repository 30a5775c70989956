using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Options;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>Why a synchronous function is a place where blocking hurts: a lock, a configured hot path, a thread-pool loop.</summary>
    internal static class HotPathReasons
    {
        public const string Lock = "while holding a lock";
        public const string ThreadPoolLoop = "a thread-pool thread in a loop";

        /// <summary>Inside <c>lock</c>, or inside the try block of a try/finally whose finally calls Monitor.Exit.</summary>
        public static bool IsUnderLock(IOperation operation, IOperation function)
        {
            IOperation child = operation;
            for (var current = operation.Parent; current is not null && current != function; child = current, current = current.Parent)
            {
                if (current is ILockOperation)
                {
                    return true;
                }

                if (current is ITryOperation { Finally: { } cleanup } attempt && attempt.Body == child && CallsMonitorExit(cleanup))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The configured hot path the member is, described for the message, or null.</summary>
        public static string? ConfiguredHotPath(ISymbol member, ImmutableArray<string> attributes, ImmutableArray<string> methods)
        {
            if (member is not IMethodSymbol method)
            {
                return null;
            }

            var name = method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name;
            if (!attributes.IsEmpty)
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (attribute.AttributeClass is { } attributeClass && Matches(attributeClass, attributes))
                    {
                        return "in hot path '" + name + "' (marked [" + attributeClass.ToDisplayString() + "])";
                    }
                }
            }

            foreach (var entry in methods)
            {
                if (entry == method.Name || (method.ContainingType is { } containing && entry == containing.ToDisplayString() + "." + method.Name))
                {
                    return "in hot path '" + name + "' (socket_analyzers.hot_path_methods)";
                }
            }

            return null;
        }

        /// <summary>A lambda handed to Task.Run, TaskFactory.StartNew (not LongRunning), ThreadPool.QueueUserWorkItem or a Timer.</summary>
        public static bool IsThreadPoolCallback(IOperation function)
        {
            if (function is not IAnonymousFunctionOperation { Parent: IDelegateCreationOperation { Parent: IArgumentOperation argument } })
            {
                return false;
            }

            return argument.Parent switch
            {
                IInvocationOperation { TargetMethod: { Name: "Run", ContainingType.Name: "Task" } } => true,
                IInvocationOperation { TargetMethod: { Name: "StartNew", ContainingType.Name: "TaskFactory" } } startNew => !IsLongRunning(startNew),
                IInvocationOperation { TargetMethod: { Name: "QueueUserWorkItem" or "UnsafeQueueUserWorkItem", ContainingType.Name: "ThreadPool" } } => true,
                IObjectCreationOperation { Type: { Name: "Timer", ContainingNamespace.Name: "Threading" } } => true,
                _ => false,
            };
        }

        /// <summary>Whether a loop of the function surrounds the operation.</summary>
        public static bool IsInLoop(IOperation operation, IOperation function)
        {
            for (var current = operation.Parent; current is not null && current != function; current = current.Parent)
            {
                if (current is ILoopOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>TaskCreationOptions.LongRunning gives the callback a dedicated thread, not a pool thread.</summary>
        private static bool IsLongRunning(IInvocationOperation startNew)
        {
            const int LongRunning = 2;
            foreach (var argument in startNew.Arguments)
            {
                if (argument.Parameter?.Type.Name == "TaskCreationOptions"
                    && argument.Value.ConstantValue is { HasValue: true, Value: int options }
                    && (options & LongRunning) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Matches(INamedTypeSymbol attributeClass, ImmutableArray<string> attributes)
        {
            var full = attributeClass.ToDisplayString();
            foreach (var entry in attributes)
            {
                if (entry == full || entry + "Attribute" == full || entry == attributeClass.Name || entry + "Attribute" == attributeClass.Name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool CallsMonitorExit(IOperation cleanup)
        {
            foreach (var operation in cleanup.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod: { Name: "Exit", ContainingType.Name: "Monitor" } })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
