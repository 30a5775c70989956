using System;
using System.Globalization;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// What the flow engine did with an input's socket bodies (how many, how many it gave up on), and the time of each
    /// step SocketFlowAnalyzer takes per body: the socket-type prefilter (on every body), the control-flow graph and the
    /// engine (on socket bodies).
    /// </summary>
    internal sealed record EngineOutcome(
        int Bodies,
        int Incomplete,
        int MaxBlocks,
        int MaxObjects,
        bool TrackingCapReached,
        TimeSpan EngineTime,
        TimeSpan PrefilterTime,
        TimeSpan GraphTime,
        int AllBodies,
        TimeSpan EngineTimeWithCachedSummaries)
    {
        public bool GaveUp => this.Incomplete > 0 || this.TrackingCapReached;

        public string Describe()
        {
            if (this.Bodies == 0)
            {
                return "no socket body";
            }

            var text = this.Incomplete == 0
                ? "complete (" + this.Bodies + (this.Bodies == 1 ? " body" : " bodies") + ")"
                : "gave up on " + this.Incomplete + " of " + this.Bodies + (this.Bodies == 1 ? " body" : " bodies");
            text += ", largest graph " + this.MaxBlocks.ToString("N0", CultureInfo.InvariantCulture) + " blocks";
            if (this.TrackingCapReached)
            {
                text += ", tracking cap reached (" + this.MaxObjects + " objects; the rest untracked)";
            }

            return text + ", engine " + Markdown.Ms(this.EngineTime);
        }

        /// <summary>The steps' times: prefilter on every body, graphs and engine on the socket bodies.</summary>
        public string DescribeSteps()
        {
            return "prefilter on " + this.AllBodies.ToString("N0", CultureInfo.InvariantCulture) + " bodies " + Markdown.Ms(this.PrefilterTime)
                + ", control-flow graphs of the " + this.Bodies.ToString("N0", CultureInfo.InvariantCulture) + " socket bodies " + Markdown.Ms(this.GraphTime)
                + ", flow engine " + Markdown.Ms(this.EngineTime) + " (of which computing the summaries of same-compilation callees about "
                + Markdown.Ms(this.EngineTime - this.EngineTimeWithCachedSummaries) + ": the engine runs in "
                + Markdown.Ms(this.EngineTimeWithCachedSummaries) + " once they are cached)";
        }
    }
}
