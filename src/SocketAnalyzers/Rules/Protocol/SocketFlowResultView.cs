using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>What a checker may read of the analysis besides the step: the tracked objects' origins.</summary>
    internal readonly struct SocketFlowResultView
    {
        private readonly SocketFlowResult result;

        public SocketFlowResultView(SocketFlowResult result) => this.result = result;

        public SocketOrigin Origin(int id) => this.result.Objects[id];
    }
}
