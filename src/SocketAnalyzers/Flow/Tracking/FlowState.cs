using System.Collections.Generic;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The abstract state at one program point: what each variable may point to, and each tracked object's value.
    /// Mutable while a block is transferred; copied at block boundaries. A variable with no value yet (bottom) and
    /// one that holds no socket read the same: as untracked when its type is a socket type. The object arrays grow with
    /// the ids set (an id past their end is an object no path created yet): most bodies track a few objects, and a copy
    /// of the full budget at every block was a large share of the engine's allocations.
    /// </summary>
    public sealed class FlowState
    {
        private const int InitialObjects = 8;

        private readonly VariableTable table;
        private SocketValue?[] objects;

        /// <summary>Per object: some path joined here never created it (see <see cref="ForgetAbsentOnNull"/>); as long as <see cref="objects"/>.</summary>
        private bool[] mayBeAbsent;
        private PointsTo[] variables;

        internal FlowState(VariableTable table)
        {
            this.table = table;
            this.variables = new PointsTo[table.Count < 8 ? 8 : table.Count];
            this.objects = new SocketValue?[InitialObjects];
            this.mayBeAbsent = new bool[InitialObjects];
        }

        private FlowState(FlowState other)
        {
            this.table = other.table;
            this.variables = Copy(other.variables);
            this.objects = Copy(other.objects);
            this.mayBeAbsent = Copy(other.mayBeAbsent);
        }

        // A new array and a copy: Array.Clone goes through MemberwiseClone, the flow engine's largest own cost on small
        // bodies in CPU traces (states are copied at every block boundary).
        private static T[] Copy<T>(T[] source)
        {
            var copy = new T[source.Length];
            System.Array.Copy(source, copy, source.Length);
            return copy;
        }

        /// <summary>The variables with a value (built on demand: for consumers that scan, such as rules at exits).</summary>
        public IReadOnlyDictionary<FlowVariable, PointsTo> Variables
        {
            get
            {
                var result = new Dictionary<FlowVariable, PointsTo>();
                for (var i = 0; i < this.variables.Length && i < this.table.Count; i++)
                {
                    if (!this.variables[i].Equals(PointsTo.Nothing))
                    {
                        result[this.table[i]] = this.variables[i];
                    }
                }

                return result;
            }
        }

        /// <summary>The value of object <paramref name="id"/>, or <see langword="null"/> when no path created it yet.</summary>
        public SocketValue? GetObject(int id) => id < this.objects.Length ? this.objects[id] : null;

        public bool TryGetVariable(FlowVariable variable, out PointsTo pointsTo)
        {
            if (this.table.TryGetIndex(variable, out var index) && index < this.variables.Length && !this.variables[index].Equals(PointsTo.Nothing))
            {
                pointsTo = this.variables[index];
                return true;
            }

            pointsTo = PointsTo.Nothing;
            return false;
        }

        internal PointsTo GetVariable(int index) => index < this.variables.Length ? this.variables[index] : PointsTo.Nothing;

        internal void SetVariable(FlowVariable variable, PointsTo pointsTo)
        {
            var index = this.table.GetOrAdd(variable);
            if (index >= this.variables.Length)
            {
                System.Array.Resize(ref this.variables, System.Math.Max(index + 1, this.variables.Length * 2));
            }

            this.variables[index] = pointsTo;
        }

        internal void SetObject(int id, SocketValue value)
        {
            this.EnsureObjects(id + 1);
            this.objects[id] = value;
        }

        /// <summary>The object is (re)created here: it exists on this path (past the arrays' end it is not absent anyway).</summary>
        internal void MarkPresent(int id)
        {
            if (id < this.mayBeAbsent.Length)
            {
                this.mayBeAbsent[id] = false;
            }
        }

        /// <summary>
        /// On the branch where <paramref name="variable"/> is null: an object it may have held that some path never
        /// created, and that no other variable holds, is taken as never created on this branch. The classic shape is
        /// <c>Socket s = null; try { s = new Socket(…); … } catch { … } finally { s?.Dispose(); }</c>: the null branch
        /// of the finally is the path where the constructor never ran, not a socket dropped unclosed.
        /// </summary>
        internal void ForgetAbsentOnNull(FlowVariable variable, PointsTo held)
        {
            var own = this.table.TryGetIndex(variable, out var index) ? index : -1;
            foreach (var id in held)
            {
                if (id >= this.mayBeAbsent.Length || !this.mayBeAbsent[id] || this.objects[id] is null)
                {
                    continue;
                }

                // Held for sure by another variable: it exists. A holder that may be null too is most often the same
                // value (the local a `?.` captured), and the worst this reading costs is a report not made.
                var elsewhere = false;
                for (var i = 0; i < this.variables.Length && !elsewhere; i++)
                {
                    elsewhere = i != own && this.variables[i].Contains(id) && !this.variables[i].MayBeNull;
                }

                if (!elsewhere)
                {
                    this.objects[id] = null;
                }
            }
        }

        internal FlowState Clone() => new FlowState(this);

        /// <summary>
        /// A copy in which no object is this body's to close any more (owned becomes unknown), or null when no object
        /// is owned: what an exception of code unrelated to any socket leaves with (see TransferFunctions).
        /// </summary>
        internal FlowState? WithoutOwnership()
        {
            FlowState? copy = null;
            for (var id = 0; id < this.objects.Length; id++)
            {
                if (this.objects[id] is { } value && (value.Ownership & Ownership.Owned) != 0)
                {
                    copy ??= this.Clone();
                    copy.objects[id] = value.WithOwnership((value.Ownership & ~Ownership.Owned) | Ownership.Unknown);
                }
            }

            return copy;
        }

        /// <summary>Joins <paramref name="other"/> into this state; true when this state changed.</summary>
        internal bool JoinWith(FlowState other)
        {
            var changed = false;
            if (other.variables.Length > this.variables.Length)
            {
                System.Array.Resize(ref this.variables, other.variables.Length);
            }

            for (var i = 0; i < other.variables.Length; i++)
            {
                var mine = this.variables[i];
                var joined = mine.Union(other.variables[i]);
                if (!joined.Equals(mine))
                {
                    this.variables[i] = joined;
                    changed = true;
                }
            }

            this.EnsureObjects(other.objects.Length);
            for (var id = 0; id < this.objects.Length; id++)
            {
                var theirs = other.GetObject(id);
                var theirsMayBeAbsent = id < other.mayBeAbsent.Length && other.mayBeAbsent[id];
                if (!this.mayBeAbsent[id] && (theirsMayBeAbsent || (theirs is null) != (this.objects[id] is null)))
                {
                    this.mayBeAbsent[id] = true;
                    changed = true;
                }

                if (theirs is null || ReferenceEquals(theirs, this.objects[id]))
                {
                    continue;
                }

                var mine = this.objects[id];
                var joined = mine is null ? theirs : mine.Join(theirs);
                if (mine is null || (!ReferenceEquals(joined, mine) && !joined.Equals(mine)))
                {
                    this.objects[id] = joined;
                    changed = true;
                }
            }

            return changed;
        }

        private void EnsureObjects(int count)
        {
            if (count > this.objects.Length)
            {
                var size = System.Math.Min(System.Math.Max(count, this.objects.Length * 2), System.Math.Max(count, FlowBudget.MaxTrackedObjects));
                System.Array.Resize(ref this.objects, size);
                System.Array.Resize(ref this.mayBeAbsent, size);
            }
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
