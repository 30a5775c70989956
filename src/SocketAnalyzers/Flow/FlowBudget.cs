namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// The limits that keep the flow analysis linear in practice and bounded always. Past a limit the analysis
    /// gives up quietly: the result says it is incomplete and no rule reports from it.
    /// </summary>
    public static class FlowBudget
    {
        /// <summary>Distinct objects tracked per method; further ones are "untracked" (never reported on).</summary>
        public const int MaxTrackedObjects = 62;

        /// <summary>Basic blocks per graph: beyond that, the method is generated or pathological.</summary>
        public const int MaxBlocks = 20_000;

        /// <summary>
        /// Visits of one block before its entry state is widened to "unknown". The lattice is finite, so loops
        /// converge anyway; widening caps the cost of long ascending chains in nested loops.
        /// </summary>
        public const int MaxVisitsPerBlock = 6;

        /// <summary>Total block visits per graph, as a multiple of its block count.</summary>
        public const int VisitsPerBlockOnAverage = 8;

        /// <summary>How deep summaries of same-compilation callees go (a callee's callees are one level deeper).</summary>
        public const int MaxSummaryDepth = 3;

        /// <summary>Blocks of a callee beyond which no summary is computed (the call stays unknown).</summary>
        public const int MaxSummaryBlocks = 2_000;
    }
}
