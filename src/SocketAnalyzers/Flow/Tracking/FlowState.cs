using System.Collections.Generic;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The abstract state at one program point: what each variable may point to, and each tracked object's value.
    /// Mutable while a block is transferred; copied at block boundaries.
    /// </summary>
    public sealed class FlowState
    {
        private readonly Dictionary<FlowVariable, PointsTo> variables;
        private readonly SocketValue?[] objects;

        internal FlowState()
        {
            this.variables = new Dictionary<FlowVariable, PointsTo>();
            this.objects = new SocketValue?[FlowBudget.MaxTrackedObjects];
        }

        private FlowState(FlowState other)
        {
            this.variables = new Dictionary<FlowVariable, PointsTo>(other.variables);
            this.objects = (SocketValue?[])other.objects.Clone();
        }

        /// <summary>The variables with a value, for consumers that scan (lifetime rules at exits).</summary>
        public IReadOnlyDictionary<FlowVariable, PointsTo> Variables => this.variables;

        /// <summary>The value of object <paramref name="id"/>, or <see langword="null"/> when no path created it yet.</summary>
        public SocketValue? GetObject(int id) => this.objects[id];

        public bool TryGetVariable(FlowVariable variable, out PointsTo pointsTo) => this.variables.TryGetValue(variable, out pointsTo);

        internal void SetVariable(FlowVariable variable, PointsTo pointsTo) => this.variables[variable] = pointsTo;

        internal void SetObject(int id, SocketValue value) => this.objects[id] = value;

        internal FlowState Clone() => new FlowState(this);

        /// <summary>Joins <paramref name="other"/> into this state; true when this state changed.</summary>
        internal bool JoinWith(FlowState other)
        {
            var changed = false;
            foreach (var pair in other.variables)
            {
                if (!this.variables.TryGetValue(pair.Key, out var mine))
                {
                    this.variables[pair.Key] = pair.Value;
                    changed = true;
                }
                else
                {
                    var joined = mine.Union(pair.Value);
                    if (!joined.Equals(mine))
                    {
                        this.variables[pair.Key] = joined;
                        changed = true;
                    }
                }
            }

            for (var id = 0; id < this.objects.Length; id++)
            {
                var theirs = other.objects[id];
                if (theirs is null)
                {
                    continue;
                }

                var mine = this.objects[id];
                var joined = mine is null ? theirs : mine.Join(theirs);
                if (mine is null || !joined.Equals(mine))
                {
                    this.objects[id] = joined;
                    changed = true;
                }
            }

            return changed;
        }

        /// <summary>Forgets every state: the widening step of a loop that does not settle.</summary>
        internal void Widen()
        {
            for (var id = 0; id < this.objects.Length; id++)
            {
                if (this.objects[id] is { } value)
                {
                    this.objects[id] = value.ToUnknown().WithOwnership(value.Ownership | Ownership.Unknown);
                }
            }
        }
    }
}
