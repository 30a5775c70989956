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
    internal sealed partial class ReceiveCounts
    {
        private const int MaxDerivationRounds = 8;

        private readonly ILoopOperation loop;
        private readonly List<IOperation> scope;
        private readonly HashSet<IOperation> inScope;
        private readonly Dictionary<ISymbol, int> endValues = new(SymbolEqualityComparer.Default);

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

        /// <summary>Finds the locals derived from the counts and the tests of count locals; false when a count local escapes or is tested outside the loop's own code.</summary>
        public bool ComputeDerivedAndCheckUses()
        {
            this.FindDecodedText();
            foreach (var operation in this.loop.Descendants())
            {
                if (operation is ILocalReferenceOperation textual && this.CheckTextUse(textual) is { } accepted)
                {
                    if (!accepted)
                    {
                        return false;
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
