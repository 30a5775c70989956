using System.Linq;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.Tests.Protocol
{
    public sealed class ProtocolTableTests
    {
        [Fact]
        public void ListenOnDatagramSocket_IsSock101_InEveryOpenState()
        {
            foreach (var state in new[] { Created, Bound })
            {
                var rule = ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Listen, SocketStates.Of(state), SocketTransport.Datagram);
                Assert.Equal(DiagnosticIds.ListenOnDatagramSocket, rule?.DiagnosticId);
            }
        }

        [Fact]
        public void ListenTwiceOnBoundStreamSocket_IsLegal()
        {
            // A4: Listen twice on a bound socket is fine.
            Assert.Null(ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Listen, SocketStates.Of(Listening), SocketTransport.Stream));
        }

        [Fact]
        public void UseAfterClose_WinsOverStateRules()
        {
            var rule = ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Listen, SocketStates.Of(Closed), SocketTransport.Datagram);
            Assert.Equal(DiagnosticIds.UseAfterClose, rule?.DiagnosticId);
        }

        [Fact]
        public void MayViolation_IsNotReported()
        {
            // Accept fails when bound but not listening; on a path where the socket may be listening it is legal.
            Assert.NotNull(ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Accept, SocketStates.Of(Bound), SocketTransport.Stream));
            Assert.Null(ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Accept, SocketStates.Of(Bound, Listening), SocketTransport.Stream));
            Assert.Null(ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Accept, SocketStates.Any, SocketTransport.Stream));
        }

        [Fact]
        public void UnknownTransport_MatchesOnlyTransportIndependentRules()
        {
            Assert.Null(ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Listen, SocketStates.Of(Bound), SocketTransport.Unknown));
            Assert.Equal(DiagnosticIds.BindOnBoundSocket, ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Bind, SocketStates.Of(Bound), SocketTransport.Unknown)?.DiagnosticId);
        }

        [Fact]
        public void BindAfterConnect_IsNotFlaggedOnUnixOrUnknownFamilies()
        {
            // E3 on IP; a connecting Unix stream socket was measured to accept a Bind (ground-truth tests).
            var connected = SocketStates.Of(Connected);
            Assert.Equal(DiagnosticIds.BindOnBoundSocket, ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Bind, connected, new SocketKind(SocketTransport.Stream, SocketFamily.IPv4))?.DiagnosticId);
            Assert.Null(ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Bind, connected, new SocketKind(SocketTransport.Stream, SocketFamily.Unix)));
            Assert.Null(ProtocolTable.FindViolation(SocketApi.Socket, SocketOperation.Bind, connected, SocketTransport.Stream));
        }

        [Fact]
        public void SocketLifecycle_MovesForward()
        {
            var states = SocketStates.Of(Created);
            states = ProtocolTable.Apply(SocketApi.Socket, SocketOperation.Bind, states, SocketTransport.Stream);
            Assert.Equal(SocketStates.Of(Bound), states);
            states = ProtocolTable.Apply(SocketApi.Socket, SocketOperation.Listen, states, SocketTransport.Stream);
            Assert.Equal(SocketStates.Of(Listening), states);
            states = ProtocolTable.Apply(SocketApi.Socket, SocketOperation.Close, states, SocketTransport.Stream);
            Assert.Equal(SocketStates.Of(Closed), states);
        }

        [Fact]
        public void ShutdownWithUnknownDirection_MayBeAnyOfTheThree()
        {
            var states = ProtocolTable.Apply(SocketApi.Socket, SocketOperation.Shutdown, SocketStates.Of(Connected), SocketTransport.Stream);
            Assert.Equal(SocketStates.Of(ShutdownSend, ShutdownReceive, ShutdownBoth), states);
        }

        [Fact]
        public void SendToOnUnboundDatagramSocket_BindsImplicitly_ButNotOnUnknownTransport()
        {
            // D11: SendTo binds an unbound UDP socket.
            Assert.Equal(SocketStates.Of(Bound), ProtocolTable.Apply(SocketApi.Socket, SocketOperation.SendTo, SocketStates.Of(Created), SocketTransport.Datagram));
            Assert.Equal(SocketStates.Of(Created), ProtocolTable.Apply(SocketApi.Socket, SocketOperation.SendTo, SocketStates.Of(Created), SocketTransport.Unknown));
        }

        [Fact]
        public void TcpListener_IsRestartable()
        {
            // J3: Start after Stop is fine; Accept after Stop is SOCK110 (J2).
            var states = ProtocolTable.Apply(SocketApi.TcpListener, SocketOperation.Start, SocketStates.Of(Created), SocketTransport.Stream);
            states = ProtocolTable.Apply(SocketApi.TcpListener, SocketOperation.Stop, states, SocketTransport.Stream);
            Assert.Equal(DiagnosticIds.TcpListenerAcceptWhenNotStarted, ProtocolTable.FindViolation(SocketApi.TcpListener, SocketOperation.Accept, states, SocketTransport.Stream)?.DiagnosticId);
            states = ProtocolTable.Apply(SocketApi.TcpListener, SocketOperation.Start, states, SocketTransport.Stream);
            Assert.Null(ProtocolTable.FindViolation(SocketApi.TcpListener, SocketOperation.Accept, states, SocketTransport.Stream));
        }

        [Fact]
        public void OptionsThatWorkInEveryState_AreNotProtocolOperations()
        {
            // F5–F7: NoDelay, LingerState, buffer sizes work in every state.
            Assert.Equal(SocketOperation.None, ProtocolApiMap.SetSocketOptionOperation(6, 1));
            Assert.Equal(SocketOperation.SetReuseAddress, ProtocolApiMap.SetSocketOptionOperation(0xFFFF, 4));
            Assert.Null(ProtocolApiMap.Find(SocketApi.Socket, "NoDelay"));
        }

        [Fact]
        public void EveryRule_NamesAProtocolDiagnostic_AndTheScenariosItStandsOn()
        {
            Assert.All(ProtocolTable.Rules, rule =>
            {
                Assert.Matches("^SOCK1[01][0-9]$", rule.DiagnosticId);
                Assert.False(string.IsNullOrWhiteSpace(rule.Scenarios));
                Assert.False(rule.States.IsEmpty);
            });
        }

        [Fact]
        public void EveryTransition_GoesBetweenDifferentStates_AndEveryOperationOfTheMapExists()
        {
            Assert.All(ProtocolTable.Transitions, t => Assert.NotEqual(t.From, t.To));
            Assert.Equal(ProtocolApiMap.Members.Length, ProtocolApiMap.Members.Select(m => (m.Api, m.Name)).Distinct().Count());
            Assert.All(ProtocolApiMap.Members.Where(m => m.Has(ApiTraits.Blocking) && m.AsyncCounterpart is not null), m =>
                Assert.NotNull(ProtocolApiMap.Find(m.Api, m.AsyncCounterpart!) ?? FrameworkOnlyCounterpart(m)));
        }

        [Theory]
        [InlineData(2, 1, 6, null)]
        [InlineData(2, 2, 6, "I4, I10")]
        [InlineData(1, 1, 0, null)]
        [InlineData(1, 1, 6, "I12, I13")]
        [InlineData(2, 3, 0, "P-raw3")]
        public void ConstructorRules_FollowTheMeasuredTable(int family, int type, int protocol, string? scenarios)
        {
            Assert.Equal(scenarios, SocketConstructorRules.FindViolation(family, type, protocol)?.Scenarios);
        }

        // Counterparts that exist on the framework type but are not protocol members of their own in the map.
        private static ProtocolMember? FrameworkOnlyCounterpart(ProtocolMember member) =>
            member.AsyncCounterpart is "ReadExactlyAsync" or "ReadAtLeastAsync" ? member : null;
    }
}
