using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Rules.Performance;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules
{
    /// <summary>
    /// What the rules ask about a function as a whole (a member body, lambda or local function: the operation
    /// <see cref="AsyncCode.EnclosingFunction"/> returns), gathered in one walk of its operations, made the first time
    /// a question needs it. Rules ask per call or per loop; walking the function for each question is quadratic in a
    /// long method (5,000 blocking calls in one method took seconds). Get it from a <see cref="FunctionFactsCache"/>.
    /// </summary>
    internal sealed class FunctionFacts
    {
        private static readonly IReadOnlyList<IOperation> NoDefinitions = new IOperation[0];
        private static readonly IReadOnlyList<ILocalReferenceOperation> NoReferences = new ILocalReferenceOperation[0];

        private readonly KnownSocketSymbols symbols;
        private Index? index;

        public FunctionFacts(IOperation function, KnownSocketSymbols symbols)
        {
            this.Operation = function;
            this.symbols = symbols;
        }

        /// <summary>The function these facts are about.</summary>
        public IOperation Operation { get; }

        /// <summary>Whether the function connects a socket.</summary>
        public bool Connects => this.Walked().Connects;

        /// <summary>Every value stored in the local: declarator initializers and simple assignments, in source order.</summary>
        public IReadOnlyList<IOperation> Definitions(ILocalSymbol local) =>
            this.Walked().Definitions.TryGetValue(local, out var list) ? list : NoDefinitions;

        /// <summary>Every read or write of the local (a simple assignment's target included), in source order.</summary>
        public IReadOnlyList<ILocalReferenceOperation> References(ILocalSymbol local) =>
            this.Walked().References.TryGetValue(local, out var list) ? list : NoReferences;

        /// <summary>Whether the function declares the local, and the value of its initializer (null without one).</summary>
        public bool TryGetDeclaredValue(ILocalSymbol local, out IOperation? value) => this.Walked().DeclaredValues.TryGetValue(local, out value);

        /// <summary>Whether a simple assignment stores a value into the local.</summary>
        public bool IsAssigned(ILocalSymbol local) => this.Walked().Assigned.Contains(local);

        /// <summary>Whether the function sets <c>Blocking = false</c> on this receiver (a local, parameter, field or property).</summary>
        public bool IsMadeNonBlocking(ISymbol receiver) => this.Walked().MadeNonBlocking.Contains(receiver);

        /// <summary>The index, built once; two threads asking first may both build it, one result is kept (same content).</summary>
        private Index Walked()
        {
            var built = Volatile.Read(ref this.index);
            if (built is null)
            {
                Interlocked.CompareExchange(ref this.index, new Index(this.Operation, this.symbols), null);
                built = Volatile.Read(ref this.index)!;
            }

            return built;
        }

        /// <summary>The facts of one walk over every operation of the function (nested lambdas included), in source order.</summary>
        private sealed class Index
        {
            public readonly Dictionary<ILocalSymbol, List<IOperation>> Definitions = new(SymbolEqualityComparer.Default);
            public readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> References = new(SymbolEqualityComparer.Default);
            public readonly Dictionary<ILocalSymbol, IOperation?> DeclaredValues = new(SymbolEqualityComparer.Default);
            public readonly HashSet<ILocalSymbol> Assigned = new(SymbolEqualityComparer.Default);
            public readonly HashSet<ISymbol> MadeNonBlocking = new(SymbolEqualityComparer.Default);
            public readonly bool Connects;

            public Index(IOperation function, KnownSocketSymbols symbols)
            {
                foreach (var operation in function.Descendants())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator:
                            this.DeclaredValues[declarator.Symbol] = declarator.Initializer?.Value;
                            if (declarator.Initializer?.Value is { } initial)
                            {
                                Add(this.Definitions, declarator.Symbol, initial);
                            }

                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                            this.Assigned.Add(target.Local);
                            Add(this.Definitions, target.Local, assignment.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Blocking" } target, Value.ConstantValue: { HasValue: true, Value: false } }
                            when BlockingSocketCall.ReferencedSymbol(target.Instance) is { } receiver:
                            this.MadeNonBlocking.Add(receiver);
                            break;
                        case ILocalReferenceOperation reference:
                            Add(this.References, reference.Local, reference);
                            break;
                        case IInvocationOperation call when !this.Connects && symbols.FindMember(call.TargetMethod) is { Operation: SocketOperation.Connect }:
                            this.Connects = true;
                            break;
                    }
                }
            }

            private static void Add<T>(Dictionary<ILocalSymbol, List<T>> map, ILocalSymbol local, T item)
            {
                if (!map.TryGetValue(local, out var list))
                {
                    map[local] = list = new List<T>();
                }

                list.Add(item);
            }
        }
    }
}
