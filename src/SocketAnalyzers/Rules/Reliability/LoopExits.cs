using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a loop may end for a reason other than its receive counts: a condition that reads something the loop
    /// changes (other than a count), a call whose result is unknown, or an exit no condition guards. Conditions on
    /// values the loop never changes (<c>Connected</c>, which stays true after the peer closes, D12; a cancellation
    /// token; a field) do not end the loop when the peer closes; <c>Available</c> and <c>DataAvailable</c> do.
    /// </summary>
    internal static class LoopExits
    {
        public static bool MayEndWithoutCount(ILoopOperation loop, ReceiveCounts counts, ReceiveContext context, FunctionFacts function, CancellationToken cancellationToken)
        {
            var written = Written(counts.Scope, loop);
            var condition = loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            };
            // The loop's own condition is evaluated after the whole body: text only ever appended to there is what it was.
            if (condition is not null && DependsOnOtherChanges(condition, counts, Without(written, TextAccumulators.Unchanged(loop, counts, null)), context, function, cancellationToken))
            {
                return true;
            }

            foreach (var operation in counts.Scope)
            {
                var exits = operation is IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak } or IThrowOperation
                    || (operation is IBranchOperation branch && (branch.BranchKind == BranchKind.GoTo || SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel)));
                if (exits && GuardOf(operation, loop) is var (guard, inCatch) && !inCatch
                    && (guard is null || DependsOnOtherChanges(guard, counts, Without(written, TextAccumulators.Unchanged(loop, counts, guard)), context, function, cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The condition an exit depends on (null: none), or an exit inside a catch clause.</summary>
        private static (IOperation? Guard, bool InCatch)? GuardOf(IOperation exit, ILoopOperation loop)
        {
            var child = exit;
            for (var current = exit.Parent; current is not null && current != loop; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case ICatchClauseOperation:
                        return (null, true);
                    case IConditionalOperation conditional when child != conditional.Condition:
                        return (conditional.Condition, false);
                    case ISwitchOperation switchOperation when child != switchOperation.Value:
                        return (switchOperation.Value, false);
                }
            }

            return (null, false);
        }

        private static bool DependsOnOtherChanges(IOperation condition, ReceiveCounts counts, HashSet<ISymbol> written, ReceiveContext context, FunctionFacts function, CancellationToken cancellationToken)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation call && !IsPureStringTest(call, counts) && ReceiveCalls.FindReceive(call, context, function, cancellationToken) is null)
                {
                    return true;
                }

                if (BlockingSocketCall.ReferencedSymbol(operation) is { } symbol && written.Contains(symbol) && !counts.IsCount(symbol))
                {
                    return true;
                }

                // Available/DataAvailable fall to 0/false once the peer has closed and the data is read (D12), unlike
                // Connected: `do { n = s.Read(…); } while (s.DataAvailable);` ends.
                if (operation is IPropertyReferenceOperation { Property.Name: "Available" or "DataAvailable" } property
                    && context.Symbols.TryGetApi(property.Property.ContainingType, out _))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The symbols the loop writes on a path that does not go through one of its catch clauses. After the peer
        /// closes, Receive and Read return 0 and never throw (D12), and a later Send or Write still succeeds after a
        /// half-close (H4): a flag cleared only in a catch never changes on the end-of-stream path.
        /// </summary>
        /// <summary>
        /// A comparison of text evaluated with "" or null (<see cref="DecodedText"/>), or a string method of strings, chars
        /// and numbers that reads no count: its result changes only with its operands, which the caller checks too. Other
        /// string methods of a count or text (<c>s.IndexOf("x") &lt; 0</c>) are unknown functions of it.
        /// </summary>
        private static bool IsPureStringTest(IInvocationOperation call, ReceiveCounts counts)
        {
            var method = call.TargetMethod;
            if (method.ContainingType.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            if (counts.IsTest(call))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType is not (SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Int32 or SpecialType.System_Boolean)
                    && parameter.Type.TypeKind != TypeKind.Enum)
                {
                    return false;
                }
            }

            foreach (var part in call.DescendantsAndSelf())
            {
                if (BlockingSocketCall.ReferencedSymbol(part) is { } symbol && counts.IsCount(symbol))
                {
                    return false;
                }
            }

            return true;
        }

        private static HashSet<ISymbol> Without(HashSet<ISymbol> written, HashSet<ISymbol>? unchanged)
        {
            if (unchanged is null || unchanged.Count == 0)
            {
                return written;
            }

            var rest = new HashSet<ISymbol>(written, SymbolEqualityComparer.Default);
            rest.ExceptWith(unchanged);
            return rest;
        }

        private static HashSet<ISymbol> Written(IReadOnlyList<IOperation> scope, ILoopOperation loop)
        {
            var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in scope)
            {
                if (operation is not (IAssignmentOperation or IIncrementOrDecrementOperation or IArgumentOperation or IVariableDeclaratorOperation)
                    || InCatch(operation, loop))
                {
                    continue;
                }

                var target = operation switch
                {
                    IAssignmentOperation assignment => BlockingSocketCall.ReferencedSymbol(assignment.Target),
                    IIncrementOrDecrementOperation step => BlockingSocketCall.ReferencedSymbol(step.Target),
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => BlockingSocketCall.ReferencedSymbol(argument.Value),
                    IVariableDeclaratorOperation declarator => declarator.Symbol,
                    _ => null,
                };
                if (target is not null)
                {
                    written.Add(target);
                }
            }

            return written;
        }

        private static bool InCatch(IOperation operation, ILoopOperation loop)
        {
            for (var current = operation.Parent; current is not null && current != loop; current = current.Parent)
            {
                if (current is ICatchClauseOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
