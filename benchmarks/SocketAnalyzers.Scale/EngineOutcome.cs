using System;
using System.Globalization;

namespace SocketAnalyzers.Scale
{
    /// <summary>What the flow engine did with an input's socket bodies: how many, how many it gave up on, and its own time.</summary>
    internal sealed record EngineOutcome(int Bodies, int Incomplete, int MaxBlocks, int MaxObjects, bool TrackingCapReached, TimeSpan EngineTime)
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
    }
}
