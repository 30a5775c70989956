using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.Tests.Flow.Lattice
{
    public sealed class SocketValueTests
    {
        private static readonly IOperation Creation = Operations.Parse("new object()");
        private static readonly IOperation Bind = Operations.Parse("1 + 1");
        private static readonly IOperation Close = Operations.Parse("2 + 2");

        [Fact]
        public void Apply_ExplainsEnteredStates_AndKeepsCausesOfUntouchedOnes()
        {
            var created = SocketValue.Created(SocketApi.Socket, SocketKind.TcpV4, Created, Ownership.Owned, Creation);

            var bound = created.Apply(SocketOperation.Bind, Bind);
            var boundTwice = bound.Apply(SocketOperation.Bind, Close);

            Assert.Equal(SocketStates.Of(Bound), bound.States);
            Assert.Equal(new[] { new StateCause(Bound, Bind) }, bound.Causes);
            Assert.Same(bound, boundTwice);
        }

        [Fact]
        public void Join_UnitesStatesOwnershipAndCauses()
        {
            var created = SocketValue.Created(SocketApi.Socket, SocketKind.TcpV4, Created, Ownership.Owned, Creation);
            var closed = created.Apply(SocketOperation.Close, Close).WithOwnership(Ownership.Disposed);

            var joined = created.Join(closed);

            Assert.Equal(SocketStates.Of(Created, Closed), joined.States);
            Assert.Equal(Ownership.Owned | Ownership.Disposed, joined.Ownership);
            Assert.Equal(2, joined.Causes.Length);
            Assert.Same(joined, joined.Join(created));
        }

        [Fact]
        public void UnknownStaysUnknown_AndAContradictionForgets()
        {
            var unknown = SocketValue.UnknownOf(SocketApi.Socket, SocketKind.Unknown);
            var created = SocketValue.Created(SocketApi.Socket, SocketKind.TcpV4, Created, Ownership.Owned, Creation);

            Assert.Same(unknown, unknown.Apply(SocketOperation.Bind, Bind));
            Assert.True(created.Narrow(SocketStates.Of(Connected)).IsUnknown);
        }

        [Fact]
        public void PointsTo_SingleObjectOnlyWithoutUntracked()
        {
            var one = PointsTo.Object(3);

            Assert.True(one.IsSingleObject);
            Assert.True(one.Union(PointsTo.Null).IsSingleObject);
            Assert.False(one.Union(PointsTo.Untracked).IsSingleObject);
            Assert.False(one.Union(PointsTo.Object(4)).IsSingleObject);
            Assert.True(PointsTo.Null.HasNoObject);
            Assert.Equal(new[] { 3, 4 }, System.Linq.Enumerable.ToArray(Ids(one.Union(PointsTo.Object(4)))));
        }

        private static System.Collections.Generic.IEnumerable<int> Ids(PointsTo objects)
        {
            foreach (var id in objects)
            {
                yield return id;
            }
        }
    }
}
