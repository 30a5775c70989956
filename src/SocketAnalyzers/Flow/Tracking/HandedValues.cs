using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// What a run-once hand-off moves into a function (<see cref="RunOnceSinks"/>): per captured local or state
    /// parameter, the objects it held with their values there. The function's own analysis starts from them, under
    /// the same origins, so a leak inside it is reported where the socket was made or accepted.
    /// </summary>
    internal sealed class HandedValues
    {
        private readonly List<(ISymbol Variable, SocketOrigin Origin, SocketValue Value)> values = new List<(ISymbol, SocketOrigin, SocketValue)>();
        private readonly HashSet<ISymbol> mayBeNull = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public HandedValues(bool exceptionEndsProcess) => this.ExceptionEndsProcess = exceptionEndsProcess;

        public bool ExceptionEndsProcess { get; private set; }

        public bool IsEmpty => this.values.Count == 0;

        public void Add(ISymbol variable, SocketOrigin origin, SocketValue value) => this.values.Add((variable, origin, value));

        public void AddNull(ISymbol variable) => this.mayBeNull.Add(variable);

        /// <summary>The same function handed off at two places (never in practice: a lambda has one): keep both.</summary>
        public HandedValues Join(HandedValues other)
        {
            var result = new HandedValues(this.ExceptionEndsProcess && other.ExceptionEndsProcess);
            result.values.AddRange(this.values);
            result.values.AddRange(other.values);
            result.mayBeNull.UnionWith(this.mayBeNull);
            result.mayBeNull.UnionWith(other.mayBeNull);
            return result;
        }

        /// <summary>Seeds the function's initial state. A variable an inner function captures stays untracked.</summary>
        public void Apply(GraphAnalysis analysis, FlowState state)
        {
            var pointsTo = new Dictionary<ISymbol, PointsTo>(SymbolEqualityComparer.Default);
            foreach (var (variable, origin, value) in this.values)
            {
                if (analysis.IsCaptured(variable) || origin.Operation is null
                    || analysis.Objects.ForOperation(origin.Operation, origin.Kind) is not { } seeded)
                {
                    continue;
                }

                var joined = state.GetObject(seeded.Id) is { } known ? known.Join(value) : value;
                state.SetObject(seeded.Id, joined);
                pointsTo[variable] = (pointsTo.TryGetValue(variable, out var objects) ? objects : PointsTo.Nothing).Union(PointsTo.Object(seeded.Id));
            }

            foreach (var pair in pointsTo)
            {
                state.SetVariable(FlowVariable.Of(pair.Key), this.mayBeNull.Contains(pair.Key) ? pair.Value.Union(PointsTo.Null) : pair.Value);
            }
        }
    }
}
