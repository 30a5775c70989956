using System;
using System.Linq;
using SocketAnalyzers.Tests.Fuzz.Mutations;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>The fuzzer's own parts: a seed reproduces its case, and every mutation kind really changes the code.</summary>
    public sealed class MutatorTests
    {
        private const string Source = /* lang=c#-test */ """
            using System.Net;
            using System.Net.Sockets;

            class C
            {
                void M(IPEndPoint ep)
                {
                    var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    s.Bind(ep);
                    s.Listen(10);
                }
            }
            """;

        public static TheoryData<string> Kinds => new(Mutator.MutationKinds.Select(kind => kind.GetType().Name).Distinct());

        [Fact]
        public void SameSeed_GivesSameCase()
        {
            var samples = SampleHarvester.Fuzzable;
            foreach (var seed in new[] { 1, 2, 77, 1500 })
            {
                var first = Mutator.Create(seed, samples);
                var second = Mutator.Create(seed, samples);
                Assert.Equal(first.Describe(), second.Describe());
                Assert.InRange(first.Mutations.Length, 1, 3);
            }
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void EveryKind_ChangesTheText_AndSaysWhere(string kind)
        {
            var mutation = Mutator.MutationKinds.First(candidate => candidate.GetType().Name == kind);
            for (var seed = 0; seed < 20; seed++)
            {
                var applied = mutation.Apply(Source, new Random(seed));
                Assert.NotNull(applied);
                Assert.False(string.IsNullOrWhiteSpace(applied.Description));
                if (applied.Text != Source)
                {
                    return;
                }
            }

            Assert.Fail($"{kind} left the text unchanged on 20 seeds.");
        }

        [Fact]
        public void InsertHalfTypedCode_UsesTheSamplesOwnIdentifiers()
        {
            var inserted = Enumerable.Range(0, 50).Select(seed => new InsertHalfTypedCode().Apply(Source, new Random(seed))!.Description);
            Assert.Contains(inserted, description => description.StartsWith("insert 's.", StringComparison.Ordinal) || description.StartsWith("insert 'ep.", StringComparison.Ordinal));
        }

        [Fact]
        public void DropBrace_WithoutBraces_DoesNotApply() =>
            Assert.Null(new DropBrace().Apply("var x = 1;", new Random(1)));
    }
}
