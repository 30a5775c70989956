using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// Methods that do their I/O synchronously or asynchronously as a flag says (<c>if (useAsync) await …; else
    /// s.Receive(…);</c>): the synchronous branch runs only when the caller asked for synchronous I/O, so its blocking
    /// call is the point, not a mistake. The other branch may await anything, <c>Task.Factory.FromAsync(Begin…, End…)</c>
    /// included.
    /// </summary>
    internal static class DualModeBranch
    {
        /// <summary>
        /// True when the operation sits in one branch of a test of a bool variable, parameter, field or property (or
        /// its negation) whose other branch awaits.
        /// </summary>
        public static bool IsSynchronousBranch(IOperation operation, IOperation function)
        {
            IOperation child = operation;
            for (var parent = operation.Parent; parent is not null && child != function; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional
                    && IsFlag(conditional.Condition)
                    && (conditional.WhenTrue == child ? conditional.WhenFalse : conditional.WhenFalse == child ? conditional.WhenTrue : null) is { } other
                    && Awaits(other))
                {
                    return true;
                }

                // The early-return form: if (useAsync) { …await…; return …; } followed by the synchronous code.
                if (parent is IBlockOperation block && FollowsAsyncReturn(block, child))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool FollowsAsyncReturn(IBlockOperation block, IOperation statement)
        {
            foreach (var earlier in block.Operations)
            {
                if (earlier == statement)
                {
                    return false;
                }

                if (earlier is IConditionalOperation { WhenFalse: null, WhenTrue: var branch } conditional
                    && IsFlag(conditional.Condition)
                    && EndsInReturn(branch)
                    && Awaits(branch))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EndsInReturn(IOperation branch) =>
            branch is IReturnOperation or IThrowOperation
            || (branch is IBlockOperation { Operations: { Length: > 0 } operations } && operations[operations.Length - 1] is IReturnOperation or IThrowOperation)
            || (branch is IBlockOperation { Operations: { Length: > 0 } statements } && statements[statements.Length - 1] is IExpressionStatementOperation { Operation: IThrowOperation });

        private static bool IsFlag(IOperation condition)
        {
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = not.Operand;
            }

            return condition.Type?.SpecialType == SpecialType.System_Boolean
                && condition is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation;
        }

        private static bool Awaits(IOperation branch)
        {
            if (branch is IAwaitOperation)
            {
                return true;
            }

            foreach (var operation in branch.Descendants())
            {
                if (operation is IAwaitOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
