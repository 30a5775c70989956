using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.Tests.Flow.Lattice
{
    public sealed class StateRelationTests
    {
        [Fact]
        public void Identity_MapsEachStateToItself()
        {
            for (var state = Created; state <= Closed; state++)
            {
                Assert.Equal(SocketStates.Of(state), StateRelation.Identity.Row(state));
            }
        }

        [Fact]
        public void Bind_MovesCreatedOnly_AndTheImageFollows()
        {
            var afterBind = StateRelation.Identity.Apply(SocketApi.Socket, SocketOperation.Bind, SocketTransport.Stream);

            Assert.Equal(SocketStates.Of(Bound), afterBind.Row(Created));
            Assert.Equal(SocketStates.Of(Listening), afterBind.Row(Listening));
            Assert.Equal(SocketStates.Of(Bound, Listening), afterBind.Image(SocketStates.Of(Created, Listening)));
        }

        [Fact]
        public void Then_ComposesTwoEffects()
        {
            var bind = StateRelation.Identity.Apply(SocketApi.Socket, SocketOperation.Bind, SocketTransport.Stream);
            var listen = StateRelation.Identity.Apply(SocketApi.Socket, SocketOperation.Listen, SocketTransport.Stream);

            Assert.Equal(SocketStates.Of(Listening), bind.Then(listen).Row(Created));
            Assert.Equal(SocketStates.Any, bind.Then(StateRelation.Unknown).Row(Created));
        }

        [Fact]
        public void Narrow_KeepsOnlyTheTestedStates()
        {
            var narrowed = StateRelation.Identity.Narrow(SocketStates.Of(Connected, Closed));

            Assert.True(narrowed.Row(Created).IsEmpty);
            Assert.Equal(SocketStates.Of(Connected), narrowed.Row(Connected));
        }
    }
}
