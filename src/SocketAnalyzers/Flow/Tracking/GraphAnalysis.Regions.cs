using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Successors of a block, including the CFG's regions: a branch that leaves a try through its finally enters the
    /// finally first and continues from the finally's end; an exception flows from every point of a try where
    /// something may throw to its catch and filter regions, or to its finally, or out of the method.
    /// </summary>
    internal sealed partial class GraphAnalysis
    {
        /// <summary>Per finally region: where control continues after it (block ordinals), and whether an exception may resume.</summary>
        private readonly Dictionary<ControlFlowRegion, FinallyExits> finallyExits = new Dictionary<ControlFlowRegion, FinallyExits>();

        /// <summary>Per flow capture: the blocks of the region that declares it (it is dead outside them).</summary>
        private readonly Dictionary<CaptureId, (int First, int Last)> captureScopes = new Dictionary<CaptureId, (int, int)>();
        private readonly HashSet<CaptureId> holding = new HashSet<CaptureId>();
        private readonly List<(CaptureId Capture, (int First, int Last) Scope)> capturesHolding = new List<(CaptureId, (int, int))>();

        private void Process(BasicBlock block, TransferFunctions transfer, bool record)
        {
            var state = this.entry[block.Ordinal]!.Clone();
            transfer.Transfer(block, state, record);
            var branchValue = transfer.TransferBranchValue(block);
            if (block.Kind == BasicBlockKind.Exit || transfer.Halted)
            {
                return;
            }

            if (block.FallThroughSuccessor is { Semantics: ControlFlowBranchSemantics.Return })
            {
                // The caller receives the returned objects: ownership moves to it.
                this.returned = this.returned.Union(branchValue);
                transfer.TransferOwnership(branchValue);
            }

            if (block.ConditionalSuccessor is { } conditional && block.ConditionKind != ControlFlowConditionKind.None)
            {
                var whenConditional = state.Clone();
                var jumpsWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                if (ConditionNarrowing.Narrow(whenConditional, block.BranchValue, jumpsWhen))
                {
                    this.Follow(conditional, whenConditional, owned: true);
                }

                if (!ConditionNarrowing.Narrow(state, block.BranchValue, !jumpsWhen))
                {
                    return;
                }
            }

            if (block.FallThroughSuccessor is { } fallThrough)
            {
                this.Follow(fallThrough, state, owned: true);
            }
        }

        /// <summary>Follows a branch; <paramref name="owned"/>: the caller hands <paramref name="state"/> over (no copy needed).</summary>
        private void Follow(ControlFlowBranch branch, FlowState state, bool owned)
        {
            switch (branch.Semantics)
            {
                case ControlFlowBranchSemantics.Regular:
                case ControlFlowBranchSemantics.Return:
                    if (branch.FinallyRegions.IsEmpty)
                    {
                        if (branch.Destination is { } destination)
                        {
                            this.FlowInto(destination.Ordinal, state, owned);
                        }

                        return;
                    }

                    // Through each finally, innermost first, then to the destination.
                    var finallies = branch.FinallyRegions;
                    for (var i = 0; i < finallies.Length; i++)
                    {
                        var next = i + 1 < finallies.Length ? finallies[i + 1].FirstBlockOrdinal : branch.Destination?.Ordinal ?? -1;
                        if (next >= 0)
                        {
                            this.AddFinallyExit(finallies[i], next, exceptional: false);
                        }
                    }

                    this.FlowInto(finallies[0].FirstBlockOrdinal, state, owned);
                    return;
                case ControlFlowBranchSemantics.Throw:
                case ControlFlowBranchSemantics.Rethrow:
                    this.DeliverException(branch.Source.EnclosingRegion, state);
                    return;
                case ControlFlowBranchSemantics.StructuredExceptionHandling:
                    this.LeaveFinally(branch.Source.EnclosingRegion, state);
                    return;
                default:
                    // Error branches (invalid code) and program termination lead nowhere the analysis follows.
                    return;
            }
        }

        private void LeaveFinally(ControlFlowRegion? region, FlowState state)
        {
            while (region is not null && region.Kind != ControlFlowRegionKind.Finally)
            {
                // Not past this graph's root: a lambda's graph is rooted inside its parent's regions.
                region = region == this.graph.Root ? null : region.EnclosingRegion;
            }

            if (region is null || !this.finallyExits.TryGetValue(region, out var exits))
            {
                return;
            }

            foreach (var ordinal in exits.Destinations)
            {
                this.FlowInto(ordinal, state);
            }

            if (exits.MayRethrow)
            {
                this.DeliverException(region.EnclosingRegion, state);
            }
        }

        /// <summary>
        /// Sends a state an exception may leave with to the handlers that would receive it; a handler of
        /// SocketException only when <paramref name="socketFailure"/> says the exception may be one.
        /// </summary>
        internal void DeliverException(ControlFlowRegion? region, FlowState state, bool socketFailure = true)
        {
            // A lambda's graph is rooted inside its parent's regions: the walk stops at this graph's root, or an
            // exception in a lambda would be delivered to the parent's finally (with the parent's block ordinals).
            for (var current = region; current is not null && current != this.graph.Root.EnclosingRegion; current = current.EnclosingRegion)
            {
                if (current.Kind != ControlFlowRegionKind.Try || current.EnclosingRegion is not { } handler)
                {
                    continue;
                }

                if (handler.Kind == ControlFlowRegionKind.TryAndFinally)
                {
                    // The finally runs on the exception in a copy of its own: what it leaves goes on as the exception,
                    // never to the destinations of the normal ways out (a return would otherwise see the state of
                    // every throwing point of the try).
                    var @finally = handler.NestedRegions[handler.NestedRegions.Length - 1];
                    this.FlowIntoOnException(@finally.FirstBlockOrdinal, state);
                    return;
                }

                if (handler.Kind == ControlFlowRegionKind.TryAndCatch)
                {
                    var catchesAll = false;
                    foreach (var nested in handler.NestedRegions)
                    {
                        if (nested.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler
                            && (socketFailure || !ExceptionSources.CatchesOnlySocketErrors(nested.ExceptionType)))
                        {
                            this.FlowInto(nested.FirstBlockOrdinal, state);
                            catchesAll |= nested.Kind == ControlFlowRegionKind.Catch && nested.ExceptionType is { } type
                                && (type.SpecialType == Microsoft.CodeAnalysis.SpecialType.System_Object || (type.Name == "Exception" && type.ToDisplayString() == "System.Exception"));
                        }
                    }

                    if (catchesAll)
                    {
                        return;
                    }
                }

                current = handler;
            }

            if (this.exceptionalExit is null)
            {
                this.exceptionalExit = state.Clone();
            }
            else
            {
                this.exceptionalExit.JoinWith(state);
            }
        }

        private void AddFinallyExit(ControlFlowRegion @finally, int destination, bool exceptional)
        {
            if (!this.finallyExits.TryGetValue(@finally, out var exits))
            {
                this.finallyExits[@finally] = exits = new FinallyExits();
            }

            var added = exceptional ? !exits.MayRethrow : exits.Destinations.Add(destination);
            exits.MayRethrow |= exceptional;
            if (!added)
            {
                return;
            }

            // A new way out of a finally already analysed: its last blocks must deliver their state there too.
            for (var ordinal = @finally.FirstBlockOrdinal; ordinal <= @finally.LastBlockOrdinal; ordinal++)
            {
                if (this.entry[ordinal] is not null)
                {
                    this.MarkDirty(ordinal);
                }
            }
        }

        private void FlowInto(int ordinal, FlowState state, bool owned = false)
        {
            if (!this.graph.Blocks[ordinal].IsReachable)
            {
                // The compiler's own reachability, constant conditions included: the exit of `while (true)` without
                // a break is never reached, so a server loop that only ends by an exception has no normal exit.
                return;
            }

            state = this.WithoutDeadCaptures(ordinal, state, ref owned);
            if (this.entry[ordinal] is not { } existing)
            {
                this.entry[ordinal] = owned ? state : state.Clone();
                this.MarkDirty(ordinal);
            }
            else if (existing.JoinWith(state))
            {
                this.MarkDirty(ordinal);
            }
        }

        /// <summary>
        /// Flow captures whose region does not contain block <paramref name="ordinal"/> are dead there: they are dropped,
        /// so that a stale capture (the receiver of an earlier <c>t?.Dispose()</c>) is never taken for a live holder of
        /// an object (<see cref="FlowState.ForgetAbsentOnNull"/>) on a later iteration or in a catch.
        /// </summary>
        private FlowState WithoutDeadCaptures(int ordinal, FlowState state, ref bool owned)
        {
            // Only captures that ever held a value worth following: a method of a thousand `lock`s has thousands of
            // captures, none of which holds a socket.
            for (var i = 0; i < this.capturesHolding.Count; i++)
            {
                var (capture, scope) = this.capturesHolding[i];
                var variable = FlowVariable.Of(capture);
                if ((scope.First <= ordinal && ordinal <= scope.Last)
                    || !state.TryGetVariable(variable, out _))
                {
                    continue;
                }

                if (!owned)
                {
                    state = state.Clone();
                    owned = true;
                }

                state.SetVariable(variable, PointsTo.Nothing);
            }

            return state;
        }

        /// <summary>
        /// A flow capture was given a value with objects: one whose death must be seen. Untracked or null values are
        /// not (they cannot be taken for a holder of an object), so a method of thousands of `lock (gate)` statements
        /// does not walk thousands of captures at every block (LockedCalls3000: 4.7 s to 1.6 s).
        /// </summary>
        public void NoteCaptureHolding(CaptureId capture)
        {
            if (this.captureScopes.TryGetValue(capture, out var scope) && this.holding.Add(capture))
            {
                this.capturesHolding.Add((capture, scope));
            }
        }

        private void CollectCaptureScopes(ControlFlowRegion region)
        {
            foreach (var capture in region.CaptureIds)
            {
                this.captureScopes[capture] = (region.FirstBlockOrdinal, region.LastBlockOrdinal);
            }

            foreach (var nested in region.NestedRegions)
            {
                this.CollectCaptureScopes(nested);
            }
        }

        private void MarkDirty(int ordinal)
        {
            this.dirty[ordinal] = true;
            if (ordinal < this.restartAt)
            {
                this.restartAt = ordinal;
            }
        }

        private sealed class FinallyExits
        {
            public HashSet<int> Destinations { get; } = new HashSet<int>();

            public bool MayRethrow { get; set; }
        }
    }
}
