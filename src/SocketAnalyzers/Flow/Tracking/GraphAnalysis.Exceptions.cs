using Microsoft.CodeAnalysis.FlowAnalysis;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// A finally entered by an exception runs on an entry state of its own (<c>exceptionEntry</c>): what it leaves
    /// resumes the exception and never reaches the destinations of the normal ways out of the try.
    /// </summary>
    internal sealed partial class GraphAnalysis
    {
        /// <summary>A block of a finally region run while an exception is in flight (see <see cref="DeliverException"/>).</summary>
        private void ProcessOnException(BasicBlock block, TransferFunctions transfer)
        {
            var state = this.exceptionEntry[block.Ordinal]!.Clone();
            transfer.Transfer(block, state, record: false);
            transfer.TransferBranchValue(block);
            if (transfer.Halted)
            {
                return;
            }

            if (block.ConditionalSuccessor is { } conditional && block.ConditionKind != ControlFlowConditionKind.None)
            {
                var whenConditional = state.Clone();
                var jumpsWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                if (ConditionNarrowing.Narrow(whenConditional, block.BranchValue, jumpsWhen))
                {
                    this.FollowOnException(conditional, whenConditional);
                }

                if (!ConditionNarrowing.Narrow(state, block.BranchValue, !jumpsWhen))
                {
                    return;
                }
            }

            if (block.FallThroughSuccessor is { } fallThrough)
            {
                this.FollowOnException(fallThrough, state);
            }
        }

        private void FollowOnException(ControlFlowBranch branch, FlowState state)
        {
            switch (branch.Semantics)
            {
                case ControlFlowBranchSemantics.Regular when branch.Destination is { } destination && branch.FinallyRegions.IsEmpty:
                    this.FlowIntoOnException(destination.Ordinal, state);
                    return;
                case ControlFlowBranchSemantics.StructuredExceptionHandling:
                    // The end of the finally: the exception resumes outside it.
                    var region = branch.Source.EnclosingRegion;
                    while (region is not null && region.Kind != ControlFlowRegionKind.Finally && region != this.graph.Root)
                    {
                        region = region.EnclosingRegion;
                    }

                    if (region is { Kind: ControlFlowRegionKind.Finally })
                    {
                        this.DeliverException(region.EnclosingRegion, state);
                    }

                    return;
                default:
                    // Throw, rethrow, or a jump out of the finally: the state goes on as an exception.
                    this.DeliverException(branch.Source.EnclosingRegion, state);
                    return;
            }
        }

        private void FlowIntoOnException(int ordinal, FlowState state)
        {
            var owned = false;
            state = this.WithoutDeadCaptures(ordinal, state, ref owned);
            if (this.exceptionEntry[ordinal] is not { } existing)
            {
                this.exceptionEntry[ordinal] = state.Clone();
            }
            else if (!existing.JoinWith(state))
            {
                return;
            }

            this.exceptionDirty[ordinal] = true;
            if (ordinal < this.restartAt)
            {
                this.restartAt = ordinal;
            }
        }
    }
}
