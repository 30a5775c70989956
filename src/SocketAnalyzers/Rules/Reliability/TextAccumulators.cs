using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Text a receive loop only ever appends received text to (<c>data += Encoding.ASCII.GetString(bytes, 0, n);</c>):
    /// at the end of the stream the count is 0 and the decoded text is "" (<see cref="DecodedText"/>), so the iteration
    /// leaves the accumulated text as it was. A test of it that did not leave the loop on the previous iteration
    /// (<c>if (data.IndexOf("&lt;EOF&gt;") &gt; -1) break;</c>) does not leave it now: the loop spins. Counted only where
    /// that reasoning holds: every write to the local (or field, when the loop calls none of the program's own methods) in the loop is such an append (outside catch clauses), and for an
    /// exit inside the body, its guard is a statement of the loop's own body, evaluated on every iteration after every
    /// append (else the last append may not have been tested yet).
    /// </summary>
    internal static class TextAccumulators
    {
        /// <param name="loop">The receive loop.</param>
        /// <param name="counts">Its receive counts (what the decodes must be bounded by) and its operations.</param>
        /// <param name="guard">The guard of an exit in the body, or null for the loop's own condition (evaluated after the body).</param>
        public static HashSet<ISymbol>? Unchanged(ILoopOperation loop, ReceiveCounts counts, IOperation? guard)
        {
            var guardStatement = guard is null ? null : TopStatement(guard, loop);
            if (guard is not null && (guardStatement is null || guardStatement is not IConditionalOperation { Condition: var condition } || condition != guard))
            {
                return null;
            }

            HashSet<ISymbol>? appended = null;
            HashSet<ISymbol>? other = null;
            foreach (var operation in counts.Scope)
            {
                if (operation is IVariableDeclaratorOperation { Symbol.Type.SpecialType: SpecialType.System_String } declared
                    && declared.GetVariableInitializer() is { Value: var initial } && initial.ConstantValue is not { HasValue: true, Value: null or "" })
                {
                    // Declared in the loop with text of its own: not what an empty receive leaves it.
                    (other ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(declared.Symbol);
                    continue;
                }

                var target = operation switch
                {
                    IAssignmentOperation assignment => BlockingSocketCall.ReferencedSymbol(assignment.Target),
                    IIncrementOrDecrementOperation step => BlockingSocketCall.ReferencedSymbol(step.Target),
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => BlockingSocketCall.ReferencedSymbol(argument.Value),
                    _ => null,
                };
                if (target is not (ILocalSymbol { Type.SpecialType: SpecialType.System_String } or IFieldSymbol { Type.SpecialType: SpecialType.System_String }))
                {
                    continue;
                }

                if (operation is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } append
                    && DecodedText.DecodedCount(append.Value) is { } count && BlockingSocketCall.ReferencedSymbol(count) is { } counted && counts.IsCount(counted)
                    && (guardStatement is null || append.Syntax.Span.End <= guardStatement.Syntax.SpanStart))
                {
                    (appended ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(target);
                }
                else
                {
                    (other ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(target);
                }
            }

            if (appended is not null && other is not null)
            {
                appended.ExceptWith(other);
            }

            // A field may also be written by the program's own methods the loop calls.
            if (appended is not null && CallsOwnCode(counts))
            {
                appended.RemoveWhere(symbol => symbol is IFieldSymbol);
            }

            return appended;
        }

        private static bool CallsOwnCode(ReceiveCounts counts)
        {
            foreach (var operation in counts.Scope)
            {
                if (operation is IInvocationOperation { TargetMethod.DeclaringSyntaxReferences.IsEmpty: false })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The statement of the loop's body block that holds the operation, or null (a loop without a block body).</summary>
        private static IOperation? TopStatement(IOperation operation, ILoopOperation loop)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IBlockOperation block && block.Parent == loop)
                {
                    return child;
                }

                if (parent == loop)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
