using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a count stored in a local is overwritten before anything reads it (<c>recv = s.Receive(size, 0, 4, 0);
    /// … recv = s.Receive(data, …);</c>): the stored count is thrown away as surely as a discarded one. Followed on
    /// straight-line code only: from the store, the next reference of the local must be a plain assignment to it
    /// (<c>local = value</c> as a statement, the value not reading it), reached through statements of the same block,
    /// out of the branches of an <c>if</c>, or into the body of a top-tested loop whose first reference is such an
    /// assignment (the loop may run zero times: the search goes on after it). Anything else — a read, a loop around
    /// the store, a try around it, a lambda capturing the local — counts as a read.
    /// </summary>
    internal static class DeadStore
    {
        private const int MaxSteps = 32;

        /// <summary>Whether the value stored by <paramref name="store"/> (a declarator or a simple assignment) into <paramref name="local"/> is never read.</summary>
        public static bool IsOverwrittenBeforeRead(IOperation store, ILocalSymbol local, FunctionFacts function, SymbolUsesCache uses)
        {
            // Captured: read whenever the lambda runs. Asked once per local: many receives may store into one.
            if (uses.Memo(function.Operation, local, CapturedFact, references => IsCaptured(references, function.Operation)) == 1)
            {
                return false;
            }

            var references = function.References(local);

            for (var current = store.Parent; current is not null && current != function.Operation; current = current.Parent)
            {
                if (current is ITryOperation)
                {
                    return false; // the overwriting call may throw, and a catch or finally read the stored count
                }
            }

            IOperation statement = store;
            while (statement.Parent is not (IBlockOperation or null))
            {
                statement = statement.Parent;
            }

            if (!(statement is IExpressionStatementOperation { Operation: var stored } && stored == store) && statement is not IVariableDeclarationGroupOperation)
            {
                return false; // the stored value is also used in place: Show(n = s.Receive(b))
            }

            // From the end of the store itself: a later declarator of the same statement may read it (int n = …, m = n;).
            var position = store.Syntax.Span.End;
            for (var step = 0; step < MaxSteps; step++)
            {
                var next = FirstAfter(references, position);
                if (next is null)
                {
                    return !InLoop(statement, function.Operation); // nothing reads it later, nor on a next iteration
                }

                if (statement.Parent is not IBlockOperation block)
                {
                    return false;
                }

                // Out of blocks and if branches to the block that holds the next reference.
                while (!block.Syntax.Span.Contains(next.Syntax.Span))
                {
                    if (block.Parent is IConditionalOperation { Type: null } branch && branch.Parent is IBlockOperation outer)
                    {
                        statement = branch;
                        block = outer;
                    }
                    else if (block.Parent is IBlockOperation enclosing)
                    {
                        statement = block;
                        block = enclosing;
                    }
                    else
                    {
                        return false; // a loop, try, using, lock or switch around the store
                    }
                }

                var holder = ChildHolding(block, next);
                if (holder is null)
                {
                    return false;
                }

                if (IsOverwrite(holder, next, local))
                {
                    return true;
                }

                if (holder is not (IWhileLoopOperation { ConditionIsTop: true, Body: IBlockOperation } or IForLoopOperation { Body: IBlockOperation })
                    || ChildHolding((IBlockOperation)((ILoopOperation)holder).Body, next) is not { } first
                    || !IsOverwrite(first, next, local))
                {
                    return false;
                }

                statement = holder; // the loop may run zero times: go on after it
                position = holder.Syntax.Span.End;
            }

            return false;
        }

        /// <summary><c>local = value;</c> as a statement, whose target is <paramref name="reference"/> and whose value does not read the local.</summary>
        private static bool IsOverwrite(IOperation statement, ILocalReferenceOperation reference, ILocalSymbol local)
        {
            if (statement is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: var target, Value: var value } } || target != reference)
            {
                return false;
            }

            foreach (var part in value.DescendantsAndSelf())
            {
                if (part is ILocalReferenceOperation read && SymbolEqualityComparer.Default.Equals(read.Local, local))
                {
                    return false;
                }
            }

            return true;
        }

        private const int CapturedFact = 3;

        private static int IsCaptured(IReadOnlyList<IOperation> references, IOperation function)
        {
            foreach (var reference in references)
            {
                for (var current = reference.Parent; current is not null && current != function; current = current.Parent)
                {
                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        return 1;
                    }
                }
            }

            return 0;
        }

        private static bool InLoop(IOperation operation, IOperation function)
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

        /// <summary>The statement of the block around the reference (statements are in source order: a binary search).</summary>
        private static IOperation? ChildHolding(IBlockOperation block, IOperation reference)
        {
            var operations = block.Operations;
            int low = 0, high = operations.Length - 1;
            var position = reference.Syntax.SpanStart;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                var span = operations[middle].Syntax.Span;
                if (span.End <= position)
                {
                    low = middle + 1;
                }
                else if (span.Start > position)
                {
                    high = middle - 1;
                }
                else
                {
                    return span.Contains(reference.Syntax.Span) ? operations[middle] : null;
                }
            }

            return null;
        }

        private static ILocalReferenceOperation? FirstAfter(IReadOnlyList<ILocalReferenceOperation> references, int position)
        {
            int low = 0, high = references.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (references[middle].Syntax.SpanStart < position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < references.Count ? references[low] : null;
        }
    }
}
