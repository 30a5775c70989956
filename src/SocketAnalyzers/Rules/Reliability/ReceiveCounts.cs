using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Where the byte counts of a loop's receives go: compared (the loop handles a 0-byte result), stored in locals
    /// (<see cref="Direct"/>), or folded into other values (<see cref="Derived"/>, e.g. <c>total += n</c>).
    /// </summary>
    internal sealed class ReceiveCounts
    {
        private const int MaxDerivationRounds = 8;

        private readonly ILoopOperation loop;
        private readonly List<IOperation> scope;

        public ReceiveCounts(ILoopOperation loop)
        {
            this.loop = loop;
            this.scope = new List<IOperation>(LoopScope.Operations(loop));
        }

        /// <summary>Locals that hold a count as it was returned.</summary>
        public HashSet<ISymbol> Direct { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>Locals computed from a count (sums, offsets): a 0 leaves them unchanged.</summary>
        public HashSet<ISymbol> Derived { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>The operations the loop repeats.</summary>
        public IReadOnlyList<IOperation> Scope => this.scope;

        /// <summary>Follows one receive's result; false when the loop handles it (compared, returned) or it escapes.</summary>
        public bool Track(IInvocationOperation call)
        {
            IOperation value = call;
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
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        this.Direct.Add(declarator.Symbol);
                        return true;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                        this.Direct.Add(target.Local);
                        return !IsTest(assignment);
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound when compound.Value == value:
                        this.Derived.Add(target.Local);
                        return true;
                    case IReturnOperation:
                        return false;
                    default:
                        return !IsTest(value);
                }
            }
        }

        /// <summary>Finds the locals derived from the counts; false when a count local is tested or escapes.</summary>
        public bool ComputeDerivedAndCheckUses()
        {
            foreach (var operation in this.loop.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && this.Direct.Contains(reference.Local)
                    && (IsTest(reference) || Escapes(reference)))
                {
                    return false;
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

        public bool IsCount(ISymbol symbol) => this.Direct.Contains(symbol) || this.Derived.Contains(symbol);

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

                if (BlockingSocketCall.ReferencedSymbol(operation) is { } symbol && this.IsCount(symbol))
                {
                    mentions = true;
                }
            }

            return mentions;
        }

        /// <summary>Compared, pattern-matched or switched on: the code looks at the value.</summary>
        private static bool IsTest(IOperation value)
        {
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            return value.Parent switch
            {
                IBinaryOperation binary => binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                    or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual,
                IIsPatternOperation or ISwitchExpressionOperation or ISwitchOperation => true,
                _ => false,
            };
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
