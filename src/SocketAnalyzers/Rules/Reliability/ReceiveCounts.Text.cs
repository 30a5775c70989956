using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>The text a loop's results become: decoded text ("" at the end), lines (null) and what is made from them.</summary>
    internal sealed partial class ReceiveCounts
    {
        /// <summary>Locals of text made from a line (never null): their uses must take any text in their stride.</summary>
        private readonly HashSet<ILocalSymbol> lineText = new(SymbolEqualityComparer.Default);

        /// <summary>Locals holding decoded text that the loop also writes another way (appended, reset): not evaluated.</summary>
        private readonly HashSet<ILocalSymbol> otherText = new(SymbolEqualityComparer.Default);

        /// <summary>Locals holding the text of a helper that swallows the end of the stream: never compared, only written on.</summary>
        private readonly HashSet<ILocalSymbol> untestedText = new(SymbolEqualityComparer.Default);

        /// <summary>The loop's own write of each variable, null when written more than once (made on first need).</summary>
        private Dictionary<ISymbol, IOperation?>? writes;

        private EndOfStreamPath? endPath;

        /// <summary>
        /// Judges a reference to a local of text or of a line: its comparisons are recorded, and its other uses must take
        /// the end value ("" or null) in their stride or lie where the end never goes. True when accepted, false when the
        /// loop is not followed, null when the local holds no such text.
        /// </summary>
        private bool? CheckTextUse(ILocalReferenceOperation reference)
        {
            if (this.Text.Contains(reference.Local))
            {
                if (Escapes(reference))
                {
                    return false;
                }

                if (DecodedText.TestOf(reference) is var (textTest, compared))
                {
                    if (!this.inScope.Contains(textTest))
                    {
                        return false;
                    }

                    this.Tests.Add((textTest, compared, 0));
                }
                else if (!this.IsTolerantTextUse(reference) && !this.IsSkippedOnEnd(reference))
                {
                    return false; // "".Substring(0, s.IndexOf("$")) throws: an unknown use of "" may end the loop
                }

                return true;
            }

            if (this.otherText.Contains(reference.Local))
            {
                // Decoded text also written another way: its comparisons are not evaluated (a loop ending on them is
                // bounded by something the loop changes), and its other uses must take "" in their stride too.
                return !Escapes(reference) && (DecodedText.TestOf(reference) is not null || this.IsTolerantTextUse(reference));
            }

            if (this.endValues.TryGetValue(reference.Local, out var lineEnd) && lineEnd == ReceiveSite.NullEnd)
            {
                if (Escapes(reference))
                {
                    return false;
                }

                if (LineUses.OfLine(reference, out var tolerant, out var derived) is var (lineTest, compared))
                {
                    if (!this.inScope.Contains(lineTest))
                    {
                        return false;
                    }

                    this.Tests.Add((lineTest, compared, ReceiveSite.NullEnd));
                }
                else if (derived is not null)
                {
                    this.lineText.Add(derived);
                }
                else if (!tolerant && !this.IsSkippedOnEnd(reference))
                {
                    return false; // dereferenced or handed on: null may throw there, which ends the loop
                }

                return true;
            }

            if (this.untestedText.Contains(reference.Local))
            {
                return !Escapes(reference) && this.IsTolerantUntested(reference);
            }

            if (this.lineText.Contains(reference.Local))
            {
                if (Escapes(reference))
                {
                    return false;
                }

                if (!LineUses.IsTolerantTextUse(reference, out var further))
                {
                    return false; // compared or handed on: not followed
                }

                if (further is not null)
                {
                    this.lineText.Add(further);
                }

                return true;
            }

            return null;
        }

        /// <summary>
        /// Follows the text a helper returns that swallows the end of the stream (<see cref="HelperSummary.ReturnsText"/>):
        /// what it returns then is not known ("", null, stale text), so it must never be compared, only taken in the
        /// stride of a possibly null string (written, concatenated, interpolated: <see cref="LineUses"/>). False when it is
        /// compared or handed on.
        /// </summary>
        public bool TrackUntestedText(ReceiveSite site)
        {
            var value = Outermost(site.Call);
            switch (value.Parent)
            {
                case IExpressionStatementOperation:
                case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                    return true;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    this.untestedText.Add(declarator.Symbol);
                    return true;
                default:
                    return this.IsTolerantUntested(value);
            }
        }

        private bool IsTolerantUntested(IOperation value)
        {
            if (LineUses.OfLine(value, out var tolerant, out var derived) is not null)
            {
                return false;
            }

            if (derived is not null)
            {
                this.lineText.Add(derived);
            }

            return tolerant || derived is not null;
        }

        /// <summary>
        /// A use of decoded text ("" at the end of the stream) that cannot end the loop: a write into it, a Trim-like call
        /// whose result is decoded text again, or a use that takes any text in its stride (<see cref="LineUses"/>).
        /// </summary>
        private bool IsTolerantTextUse(ILocalReferenceOperation reference)
        {
            IOperation value = reference;
            while (value.Parent is IConversionOperation or IParenthesizedOperation
                || (value.Parent is IInvocationOperation call && call.Instance == value && DecodedText.PreservedText(call) is not null))
            {
                value = value.Parent;
            }

            switch (value.Parent)
            {
                case IAssignmentOperation assignment when assignment.Target == value:
                    return true;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when this.Text.Contains(declarator.Symbol):
                    return true;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value && this.Text.Contains(target.Local):
                    return true;
            }

            if (!LineUses.IsTolerantTextUse(value, out var derived))
            {
                return false;
            }

            if (derived is not null)
            {
                this.lineText.Add(derived);
            }

            return true;
        }

        /// <summary>
        /// Whether a comparison or a use sits where the end-of-stream iteration never goes (an earlier comparison sent it
        /// to <c>continue</c>, or it is in a branch the end does not take; <see cref="EndOfStreamPath.Skipped"/>): a
        /// comparison there cannot handle the end, and a use there cannot throw on it.
        /// </summary>
        public bool IsSkippedOnEnd(IOperation use) =>
            (this.endPath ??= new EndOfStreamPath(this.loop, this.EndValueOf)).Skipped(use);

        /// <summary>
        /// The end value of a local holding a result (its count's; "" (0) for decoded text) that every iteration writes
        /// once, before <paramref name="position"/>: on the end-of-stream iteration it then holds its end value there. A
        /// write in a branch, a catch or a nested loop may not happen, and one after the position leaves the previous
        /// iteration's value: null.
        /// </summary>
        private int? EndValueOf(ILocalSymbol local, int position)
        {
            if (this.writes is null)
            {
                this.writes = new Dictionary<ISymbol, IOperation?>(SymbolEqualityComparer.Default);
                foreach (var operation in this.scope)
                {
                    var written = operation switch
                    {
                        IAssignmentOperation assignment => BlockingSocketCall.ReferencedSymbol(assignment.Target),
                        IVariableDeclaratorOperation { Initializer: not null } declarator => declarator.Symbol,
                        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => BlockingSocketCall.ReferencedSymbol(argument.Value),
                        _ => null,
                    };
                    if (written is not null)
                    {
                        this.writes[written] = this.writes.ContainsKey(written) ? null : operation; // null: written more than once
                    }
                }
            }

            if (!this.writes.TryGetValue(local, out var write) || write is null || write.Syntax.SpanStart >= position || !this.RunsOnEveryIteration(write))
            {
                return null;
            }

            return this.Text.Contains(local) ? 0 : this.endValues.TryGetValue(local, out var endValue) ? endValue : null;
        }

        /// <summary>Code the loop runs on every iteration that gets to it: not in a branch, a catch, a nested loop or a lambda.</summary>
        private bool RunsOnEveryIteration(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null && parent != this.loop; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical when child == logical.RightOperand:
                    case ICoalesceOperation coalesce when child == coalesce.WhenNull:
                    case IConditionalAccessOperation access when child == access.WhenNotNull:
                    case ISwitchCaseOperation or ISwitchExpressionArmOperation or ICatchClauseOperation or ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Locals every write of which (in the loop's own code) decodes a count as returned — <c>s = enc.GetString(b, 0, n)</c>,
        /// <c>c = decoder.GetChars(b, 0, n, chars, 0)</c> — or trims such text: "" (or 0 chars) at the end of the stream.
        /// </summary>
        private void FindDecodedText()
        {
            var accepted = new HashSet<IOperation>();
            for (var round = 0; round < MaxDerivationRounds; round++)
            {
                var grew = false;
                foreach (var operation in this.scope)
                {
                    var (target, value) = operation switch
                    {
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } simple => (local.Local, simple.Value),
                        IVariableDeclaratorOperation { Initializer: { } initializer } declarator => (declarator.Symbol, initializer.Value),
                        _ => (null, null),
                    };
                    if (target is null || value is null || accepted.Contains(operation))
                    {
                        continue;
                    }

                    var preserved = value.Type?.SpecialType == SpecialType.System_String && DecodedText.PreservedText(value) is not null;
                    while (DecodedText.PreservedText(value) is { } instance)
                    {
                        value = instance;
                    }

                    var isText = DecodedText.DecodedCount(value) is { } count
                        ? BlockingSocketCall.ReferencedSymbol(count) is ILocalSymbol counted && this.endValues.TryGetValue(counted, out var end) && end == 0
                        : preserved && BlockingSocketCall.ReferencedSymbol(value) is ILocalSymbol text && this.Text.Contains(text);
                    if (!isText)
                    {
                        continue;
                    }

                    accepted.Add(operation);
                    grew = true;
                    if (target.Type.SpecialType == SpecialType.System_String)
                    {
                        this.Text.Add(target);
                    }
                    else if (target.Type.SpecialType == SpecialType.System_Int32)
                    {
                        this.AddDirect(target, 0);
                    }
                }

                if (!grew)
                {
                    break;
                }
            }

            if (this.Text.Count == 0)
            {
                return;
            }

            // Text also written another way (reset, appended, passed by ref) is not "" on every end-of-stream iteration.
            foreach (var operation in this.scope)
            {
                var target = operation switch
                {
                    IAssignmentOperation assignment => BlockingSocketCall.ReferencedSymbol(assignment.Target),
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => BlockingSocketCall.ReferencedSymbol(argument.Value),
                    IVariableDeclaratorOperation { Initializer: not null } declarator => declarator.Symbol,
                    _ => null,
                };
                if (target is ILocalSymbol local && this.Text.Contains(local) && !accepted.Contains(operation))
                {
                    this.Text.Remove(local);
                    this.otherText.Add(local);
                }
            }
        }
    }
}
