using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Where the results of a loop's receives go: compared (<see cref="Tests"/>, judged by <see cref="EndOfStreamTest"/>),
    /// stored in locals (<see cref="Direct"/>), or folded into other values (<see cref="Derived"/>, e.g. <c>total += n</c>).
    /// </summary>
    internal sealed class ReceiveCounts
    {
        private const int MaxDerivationRounds = 8;

        private readonly ILoopOperation loop;
        private readonly List<IOperation> scope;
        private readonly HashSet<IOperation> inScope;
        private readonly Dictionary<ISymbol, int> endValues = new(SymbolEqualityComparer.Default);

        /// <summary>Locals of text made from a line (never null): their uses must take any text in their stride.</summary>
        private readonly HashSet<ILocalSymbol> lineText = new(SymbolEqualityComparer.Default);

        /// <summary>Locals holding decoded text that the loop also writes another way (appended, reset): not evaluated.</summary>
        private readonly HashSet<ILocalSymbol> otherText = new(SymbolEqualityComparer.Default);

        /// <summary>Locals holding the text of a helper that swallows the end of the stream: never compared, only written on.</summary>
        private readonly HashSet<ILocalSymbol> untestedText = new(SymbolEqualityComparer.Default);

        /// <summary>How many times the loop's own code writes each variable (made on first need).</summary>
        private Dictionary<ISymbol, int>? writeCounts;

        private EndOfStreamPath? endPath;

        public ReceiveCounts(ILoopOperation loop)
        {
            this.loop = loop;
            this.scope = new List<IOperation>(LoopScope.Operations(loop));
            this.inScope = new HashSet<IOperation>(this.scope);
        }

        /// <summary>Locals that hold a result as it was returned.</summary>
        public HashSet<ISymbol> Direct { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>Locals computed from a count (sums, offsets): a 0 leaves them unchanged.</summary>
        public HashSet<ISymbol> Derived { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>Locals holding text decoded from a count (<see cref="DecodedText"/>): "" at the end of the stream.</summary>
        public HashSet<ISymbol> Text { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>Each comparison of a result in the loop's own code: the test, the compared value, and the end-of-stream value.</summary>
        public List<(IOperation Test, IOperation Value, int EndValue)> Tests { get; } = new();

        /// <summary>The operations the loop repeats.</summary>
        public IReadOnlyList<IOperation> Scope => this.scope;

        /// <summary>The value a call's result stands for, without conversions, parentheses, await or ConfigureAwait.</summary>
        public static IOperation Unwrap(IOperation value) => Flow.Tracking.AwaitedValue.Of(value)!;

        /// <summary>The outermost operation that still stands for a call's result (through await, ConfigureAwait, conversions).</summary>
        public static IOperation Outermost(IOperation value)
        {
            while (true)
            {
                switch (value.Parent)
                {
                    case IConversionOperation or IAwaitOperation or IParenthesizedOperation:
                        value = value.Parent;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure when configure.Instance == value:
                        value = configure;
                        continue;
                    default:
                        return value;
                }
            }
        }

        /// <summary>Whether a receive's result is compared anywhere in the function: directly, or through the local it is stored in.</summary>
        public static bool IsTested(IInvocationOperation call, FunctionFacts function)
        {
            var value = Outermost(call);
            if (TestOf(value) is not null)
            {
                return true;
            }

            var local = value.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value =>
                    TestOf(assignment) is not null ? null : target.Local,
                _ => null,
            };
            if (local is null)
            {
                return value.Parent is ISimpleAssignmentOperation;
            }

            foreach (var reference in function.References(local))
            {
                if (TestOf(reference) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Follows one receive's result; false when the loop hands it on (returned), or it cannot be followed.</summary>
        public bool Track(ReceiveSite site)
        {
            var value = Outermost(site.Call);
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return this.AddDirect(declarator.Symbol, site.EndOfStreamValue);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                    if (TestOf(assignment) is { } assignedTest)
                    {
                        this.Tests.Add((assignedTest, assignment, site.EndOfStreamValue));
                    }

                    return this.AddDirect(target.Local, site.EndOfStreamValue);
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound when compound.Value == value:
                    this.Derived.Add(target.Local);
                    return true;
                case IReturnOperation:
                    return false;
                default:
                    if (site.Kind == ReceiveSiteKind.Line)
                    {
                        if (LineUses.OfLine(value, out var tolerant, out var derived) is var (lineTest, _))
                        {
                            this.Tests.Add((lineTest, value, ReceiveSite.NullEnd));
                            return true;
                        }

                        if (derived is not null)
                        {
                            this.lineText.Add(derived);
                        }

                        return tolerant || value.Parent is IExpressionStatementOperation;
                    }

                    if (TestOf(value) is { } test)
                    {
                        this.Tests.Add((test, value, site.EndOfStreamValue));
                    }

                    return true;
            }
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

        /// <summary>Finds the locals derived from the counts and the tests of count locals; false when a count local escapes or is tested outside the loop's own code.</summary>
        public bool ComputeDerivedAndCheckUses()
        {
            this.FindDecodedText();
            foreach (var operation in this.loop.Descendants())
            {
                if (operation is ILocalReferenceOperation textReference && this.Text.Contains(textReference.Local))
                {
                    if (Escapes(textReference))
                    {
                        return false;
                    }

                    if (DecodedText.TestOf(textReference) is var (textTest, compared))
                    {
                        if (!this.inScope.Contains(textTest))
                        {
                            return false;
                        }

                        this.Tests.Add((textTest, compared, 0));
                    }
                    else if (!this.IsTolerantTextUse(textReference) && !this.IsSkippedOnEnd(textReference, textReference.Local, 0))
                    {
                        return false; // "".Substring(0, s.IndexOf("$")) throws: an unknown use of "" may end the loop
                    }
                }
                else if (operation is ILocalReferenceOperation otherReference && this.otherText.Contains(otherReference.Local))
                {
                    // Decoded text also written another way: its comparisons are not evaluated (a loop ending on them is
                    // bounded by something the loop changes), and its other uses must take "" in their stride too.
                    if (Escapes(otherReference) || (DecodedText.TestOf(otherReference) is null && !this.IsTolerantTextUse(otherReference)))
                    {
                        return false;
                    }
                }
                else if (operation is ILocalReferenceOperation line && this.endValues.TryGetValue(line.Local, out var lineEnd) && lineEnd == ReceiveSite.NullEnd)
                {
                    if (Escapes(line))
                    {
                        return false;
                    }

                    if (LineUses.OfLine(line, out var tolerant, out var derived) is var (lineTest, compared))
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
                    else if (!tolerant && !this.IsSkippedOnEnd(line, line.Local, ReceiveSite.NullEnd))
                    {
                        return false; // dereferenced or handed on: null may throw there, which ends the loop
                    }
                }
                else if (operation is ILocalReferenceOperation untested && this.untestedText.Contains(untested.Local))
                {
                    if (Escapes(untested) || !this.IsTolerantUntested(untested))
                    {
                        return false;
                    }
                }
                else if (operation is ILocalReferenceOperation textUse && this.lineText.Contains(textUse.Local))
                {
                    if (Escapes(textUse))
                    {
                        return false;
                    }

                    if (!LineUses.IsTolerantTextUse(textUse, out var further))
                    {
                        return false; // compared or handed on: not followed
                    }

                    if (further is not null)
                    {
                        this.lineText.Add(further);
                    }
                }
                else if (operation is ILocalReferenceOperation reference && this.endValues.TryGetValue(reference.Local, out var endValue))
                {
                    if (Escapes(reference))
                    {
                        return false;
                    }

                    if (TestOf(reference) is { } test)
                    {
                        if (!this.inScope.Contains(test))
                        {
                            return false; // a nested loop's or lambda's test: not followed, taken as handled
                        }

                        this.Tests.Add((test, reference, endValue));
                    }
                }
            }

            for (var round = 0; round < MaxDerivationRounds; round++)
            {
                var grew = false;
                foreach (var operation in this.scope)
                {
                    var (target, value) = operation switch
                    {
                        ISimpleAssignmentOperation simple => (BlockingSocketCall.ReferencedSymbol(simple.Target), simple.Value),
                        ICompoundAssignmentOperation compound => (BlockingSocketCall.ReferencedSymbol(compound.Target), compound.Value),
                        IVariableDeclaratorOperation { Initializer: { } initializer } declarator => (declarator.Symbol, initializer.Value),
                        _ => (null, null),
                    };
                    if (target is not null && value is not null && !this.IsCount(target) && this.MentionsCount(value))
                    {
                        this.Derived.Add(target);
                        grew = true;
                    }
                }

                if (!grew)
                {
                    break;
                }
            }

            return true;
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
        /// Whether a comparison sits where the end-of-stream iteration never goes (an earlier comparison sent it to
        /// <c>continue</c>, or it is in a branch the end value does not take): it cannot handle the end.
        /// </summary>
        public bool IsSkippedOnEnd(IOperation test, IOperation value, int endValue)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            return value is ILocalReferenceOperation reference && this.IsSkippedOnEnd(test, reference.Local, endValue);
        }

        /// <summary>
        /// A use where the end-of-stream iteration never goes (<see cref="EndOfStreamPath.Skipped"/>), judged by the
        /// comparisons of result locals the loop writes only once: a second write between a comparison and the use could
        /// bring another value back.
        /// </summary>
        private bool IsSkippedOnEnd(IOperation use, ILocalSymbol local, int endValue) =>
            this.EndValueOf(local) == endValue && (this.endPath ??= new EndOfStreamPath(this.loop, this.EndValueOf)).Skipped(use);

        /// <summary>The end value of a local holding a result written once in the loop: its count's, "" (0) for decoded text; else null.</summary>
        private int? EndValueOf(ILocalSymbol local)
        {
            if (this.writeCounts is null)
            {
                this.writeCounts = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
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
                        this.writeCounts[written] = this.writeCounts.TryGetValue(written, out var known) ? known + 1 : 1;
                    }
                }
            }

            if (!this.writeCounts.TryGetValue(local, out var writes) || writes != 1)
            {
                return null;
            }

            return this.Text.Contains(local) ? 0 : this.endValues.TryGetValue(local, out var endValue) ? endValue : null;
        }

        /// <summary>Whether the operation is one of the comparisons in <see cref="Tests"/>.</summary>
        public bool IsTest(IOperation operation)
        {
            foreach (var (test, _, _) in this.Tests)
            {
                if (test == operation)
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsCount(ISymbol symbol) => this.Direct.Contains(symbol) || this.Derived.Contains(symbol) || this.Text.Contains(symbol);

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

        /// <summary>The comparison, pattern or switch that looks at the value, or null.</summary>
        public static IOperation? TestOf(IOperation value)
        {
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            return value.Parent switch
            {
                IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                    or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => binary,
                IIsPatternOperation or ISwitchExpressionOperation or ISwitchOperation => value.Parent,
                _ => null,
            };
        }

        /// <summary>A local holding results of receives with different end values (a count and ReadByte's byte) is not followed.</summary>
        private bool AddDirect(ISymbol local, int endValue)
        {
            if (this.endValues.TryGetValue(local, out var known) && known != endValue)
            {
                return false;
            }

            this.endValues[local] = endValue;
            this.Direct.Add(local);
            return true;
        }

        /// <summary>
        /// Whether a value is computed from a count by arithmetic alone. A count passed to a method
        /// (<c>done = Parse(buffer, n)</c>) gives an unknown value, which may well change on a 0.
        /// </summary>
        private bool MentionsCount(IOperation value)
        {
            var mentions = false;
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation or IObjectCreationOperation)
                {
                    return false;
                }

                if (BlockingSocketCall.ReferencedSymbol(operation) is { } symbol && (this.Direct.Contains(symbol) || this.Derived.Contains(symbol)))
                {
                    mentions = true;
                }
            }

            return mentions;
        }

        private bool Escapes(ILocalReferenceOperation reference)
        {
            if (reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out })
            {
                return true;
            }

            for (var current = reference.Parent; current is not null && current != this.loop; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
