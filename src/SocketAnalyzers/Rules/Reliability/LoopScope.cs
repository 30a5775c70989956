using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>The operations a loop runs on each iteration itself: not those of nested loops, lambdas or local functions.</summary>
    internal static class LoopScope
    {
        public static IEnumerable<IOperation> Operations(ILoopOperation loop)
        {
            var stack = new Stack<IOperation>();
            foreach (var child in Children(loop))
            {
                stack.Push(child);
            }

            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                yield return operation;
                if (operation is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        /// <summary>Condition, body and increments: what repeats. A for loop's initializers run once and are left out.</summary>
        private static IEnumerable<IOperation> Children(ILoopOperation loop)
        {
            switch (loop)
            {
                case IWhileLoopOperation whileLoop:
                    if (whileLoop.Condition is { } whileCondition)
                    {
                        yield return whileCondition;
                    }

                    yield return whileLoop.Body;
                    break;
                case IForLoopOperation forLoop:
                    if (forLoop.Condition is { } forCondition)
                    {
                        yield return forCondition;
                    }

                    yield return forLoop.Body;
                    foreach (var step in forLoop.AtLoopBottom)
                    {
                        yield return step;
                    }

                    break;
            }
        }
    }
}
