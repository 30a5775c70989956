using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Lattice
{
    /// <summary>
    /// The abstract value of one tracked object at one program point: the protocol states it may be in, its kind,
    /// who owns it, and the operations that explain its states. Immutable; <see cref="Join"/> is the merge at
    /// control-flow joins (union of states, ownership and causes; kinds keep what both sides agree on).
    /// </summary>
    public sealed class SocketValue
    {
        /// <summary>How many causes a value keeps: enough to explain, bounded so joins stay cheap.</summary>
        private const int MaxCauses = 6;

        public SocketValue(SocketApi api, SocketKind kind, SocketStates states, Ownership ownership, ImmutableArray<StateCause> causes, StateRelation relation)
        {
            this.Api = api;
            this.Kind = kind;
            this.States = states;
            this.Ownership = ownership;
            this.Causes = causes.IsDefault ? ImmutableArray<StateCause>.Empty : causes;
            this.Relation = relation;
        }

        /// <summary>The API type of the object: which rows of the protocol table apply.</summary>
        public SocketApi Api { get; }

        /// <summary>Transport and family, each possibly unknown.</summary>
        public SocketKind Kind { get; }

        /// <summary>The states the object may be in. <see cref="SocketStates.IsAny"/> means nothing is known.</summary>
        public SocketStates States { get; }

        /// <summary>Who must dispose it, on the paths that reach this point.</summary>
        public Ownership Ownership { get; }

        /// <summary>The operations that put the object in its current states (construction, Bind, Close, …).</summary>
        public ImmutableArray<StateCause> Causes { get; }

        /// <summary>
        /// Only for parameters while a method summary is computed: entry state → current states.
        /// Empty for every other object.
        /// </summary>
        public StateRelation Relation { get; }

        /// <summary>True when nothing is known about the states: rules stay silent.</summary>
        public bool IsUnknown => this.States.IsAny;

        /// <summary>A fresh object in <paramref name="state"/>, explained by <paramref name="cause"/>.</summary>
        public static SocketValue Created(SocketApi api, SocketKind kind, SocketState state, Ownership ownership, IOperation? cause) =>
            new SocketValue(api, kind, SocketStates.Of(state), ownership, cause is null ? ImmutableArray<StateCause>.Empty : ImmutableArray.Create(new StateCause(state, cause)), default);

        /// <summary>An object about which nothing is known.</summary>
        public static SocketValue UnknownOf(SocketApi api, SocketKind kind) =>
            new SocketValue(api, kind, SocketStates.Any, Ownership.Unknown, ImmutableArray<StateCause>.Empty, default);

        /// <summary>The value after a protocol operation at <paramref name="site"/>.</summary>
        public SocketValue Apply(SocketOperation operation, IOperation site)
        {
            if (this.States.IsAny)
            {
                // Unknown stays unknown (a parameter is never reported on); a summary's relation still moves.
                return this.Relation.IsEmpty
                    ? this
                    : new SocketValue(this.Api, this.Kind, this.States, this.Ownership, this.Causes, this.Relation.Apply(this.Api, operation, this.Kind.Transport));
            }

            // State by state: a state the operation leaves alone keeps its cause (Close twice explains nothing
            // new); a state the operation enters is explained by it.
            var states = SocketStates.None;
            var causes = ImmutableArray.CreateBuilder<StateCause>();
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if (!this.States.Contains(state))
                {
                    continue;
                }

                var after = ProtocolTable.Apply(this.Api, operation, SocketStates.Of(state), this.Kind.Transport);
                states = states.Union(after);
                if (after == SocketStates.Of(state))
                {
                    AddCausesOf(causes, this.Causes, state);
                    continue;
                }

                for (var next = SocketState.Created; next <= SocketState.Closed; next++)
                {
                    var cause = new StateCause(next, site);
                    if (after.Contains(next) && causes.Count < MaxCauses && !causes.Contains(cause))
                    {
                        causes.Add(cause);
                    }
                }
            }

            var relation = this.Relation.IsEmpty ? this.Relation : this.Relation.Apply(this.Api, operation, this.Kind.Transport);
            var newCauses = states.IsAny ? ImmutableArray<StateCause>.Empty : causes.ToImmutable();
            if (states == this.States && relation.Equals(this.Relation) && SameCauses(newCauses, this.Causes))
            {
                return this;
            }

            return new SocketValue(this.Api, this.Kind, states, this.Ownership, newCauses, relation);
        }

        /// <summary>The value with only the states of <paramref name="keep"/>; unknown when none would remain.</summary>
        public SocketValue Narrow(SocketStates keep)
        {
            var states = this.States.Intersect(keep);
            if (states == this.States)
            {
                return this;
            }

            // A test that contradicts what the analysis believes: the analysis is wrong somewhere, so it knows nothing.
            if (states.IsEmpty)
            {
                return this.ToUnknown();
            }

            var relation = this.Relation.IsEmpty ? this.Relation : this.Relation.Narrow(keep);
            return new SocketValue(this.Api, this.Kind, states, this.Ownership, KeepCauses(this.Causes, states), relation);
        }

        /// <summary>The value with nothing known about its states (a summary's relation becomes unknown too).</summary>
        public SocketValue ToUnknown() => this.States.IsAny && (this.Relation.IsEmpty || this.Relation.Equals(StateRelation.Unknown))
            ? this
            : this.WithStates(SocketStates.Any, this.Relation.IsEmpty ? default : StateRelation.Unknown);

        /// <summary>The value with states replaced (unknown, or a callee's summary).</summary>
        public SocketValue WithStates(SocketStates states, StateRelation relation) =>
            new SocketValue(this.Api, this.Kind, states, this.Ownership, states.IsAny ? ImmutableArray<StateCause>.Empty : KeepCauses(this.Causes, states), relation);

        public SocketValue WithOwnership(Ownership ownership) => ownership == this.Ownership
            ? this
            : new SocketValue(this.Api, this.Kind, this.States, ownership, this.Causes, this.Relation);

        /// <summary>The merge of two values of the same object at a control-flow join.</summary>
        public SocketValue Join(SocketValue other)
        {
            if (ReferenceEquals(this, other) || this.Subsumes(other))
            {
                return this;
            }

            var causes = this.Causes;
            foreach (var cause in other.Causes)
            {
                if (causes.Length < MaxCauses && !causes.Contains(cause))
                {
                    causes = causes.Add(cause);
                }
            }

            var states = this.States.Union(other.States);
            return new SocketValue(
                this.Api,
                this.Kind.Join(other.Kind),
                states,
                this.Ownership | other.Ownership,
                states.IsAny ? ImmutableArray<StateCause>.Empty : causes,
                this.Relation.Union(other.Relation));
        }

        /// <summary>True when joining <paramref name="other"/> would change nothing: the fixpoint test at joins.</summary>
        public bool Subsumes(SocketValue other)
        {
            if (this.Api != other.Api
                || !this.Kind.Join(other.Kind).Equals(this.Kind)
                || !other.States.IsSubsetOf(this.States)
                || (other.Ownership & ~this.Ownership) != 0
                || !this.Relation.Union(other.Relation).Equals(this.Relation))
            {
                return false;
            }

            if (this.States.IsAny)
            {
                return true;
            }

            foreach (var cause in other.Causes)
            {
                if (!this.Causes.Contains(cause) && this.Causes.Length < MaxCauses)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Value equality, used to detect the fixpoint.</summary>
        public bool Equals(SocketValue other) =>
            this.Api == other.Api
            && this.Kind == other.Kind
            && this.States == other.States
            && this.Ownership == other.Ownership
            && this.Relation.Equals(other.Relation)
            && SameCauses(this.Causes, other.Causes);

        public override bool Equals(object? obj) => obj is SocketValue other && this.Equals(other);

        public override int GetHashCode() => (this.States.GetHashCode() * 31) + (int)this.Ownership;

        private static void AddCausesOf(ImmutableArray<StateCause>.Builder target, ImmutableArray<StateCause> causes, SocketState state)
        {
            foreach (var cause in causes)
            {
                if (cause.State == state && target.Count < MaxCauses && !target.Contains(cause))
                {
                    target.Add(cause);
                }
            }
        }

        private static ImmutableArray<StateCause> KeepCauses(ImmutableArray<StateCause> causes, SocketStates states)
        {
            var builder = ImmutableArray.CreateBuilder<StateCause>(causes.Length);
            foreach (var cause in causes)
            {
                if (states.Contains(cause.State))
                {
                    builder.Add(cause);
                }
            }

            return builder.Count == causes.Length ? causes : builder.ToImmutable();
        }

        private static bool SameCauses(ImmutableArray<StateCause> left, ImmutableArray<StateCause> right)
        {
            if (left.Length != right.Length)
            {
                return false;
            }

            foreach (var cause in left)
            {
                if (!right.Contains(cause))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
