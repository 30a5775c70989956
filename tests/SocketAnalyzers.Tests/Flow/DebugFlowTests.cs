using SocketAnalyzers.Tests.Flow;
namespace SocketAnalyzers.Tests.Flow
{
    public sealed class DebugFlowTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper output;
        public DebugFlowTests(Xunit.Abstractions.ITestOutputHelper output) => this.output = output;
        [Fact]
        public void Dump()
        {
            var r = FlowTestHost.Analyze(System.IO.File.ReadAllText("/tmp/dbg.cs"));
            output.WriteLine("complete " + r.IsComplete + " objects " + r.Objects.Length);
            foreach (var b in r.Graph.Blocks) { output.WriteLine("block " + b.Ordinal + " " + b.EnclosingRegion.Kind + " ft=" + b.FallThroughSuccessor?.Semantics + "->" + b.FallThroughSuccessor?.Destination?.Ordinal + " fin=" + b.FallThroughSuccessor?.FinallyRegions.Length + " cond=" + b.ConditionalSuccessor?.Destination?.Ordinal); foreach (var o in b.Operations) output.WriteLine("  " + o.Kind + " " + o.Syntax); if (b.BranchValue != null) output.WriteLine("  BV " + b.BranchValue.Kind + " " + b.BranchValue.Syntax); }
            foreach (var s in r.Steps) output.WriteLine(s.MemberDisplay + " " + s.SocketOperation + " " + (s.Before?.States.ToString() ?? "null") + " " + s.Before?.Kind + " untracked=" + s.Objects.MayBeUntracked);
            Assert.True(false);
        }
    }
}
