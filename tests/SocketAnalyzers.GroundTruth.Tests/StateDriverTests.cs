using SocketAnalyzers.GroundTruth.Tests.Harness;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>The harness itself: every route really leaves its object in the state it is named after.</summary>
    public sealed class StateDriverTests
    {
        public static TheoryData<SocketApi, int, SocketState> Routes()
        {
            var data = new TheoryData<SocketApi, int, SocketState>();
            foreach (var api in new[] { SocketApi.Socket, SocketApi.TcpListener, SocketApi.TcpClient, SocketApi.UdpClient, SocketApi.NetworkStream })
            {
                foreach (var kind in TestKinds.For(api, null))
                {
                    for (var state = SocketState.Created; state <= SocketState.Closed; state++)
                    {
                        if (StateDriver.Routes(api, TestKinds.All[kind], state, out _).Count > 0)
                        {
                            data.Add(api, kind, state);
                        }
                    }
                }
            }

            return data;
        }

        [LinuxTheory]
        [MemberData(nameof(Routes))]
        public void Route_ReachesItsState(SocketApi api, int kind, SocketState state)
        {
            foreach (var route in StateDriver.Routes(api, TestKinds.All[kind], state, out _))
            {
                using var scenario = new Scenario();
                var target = route.Build(scenario);
                Assert.True(StateProbe.LooksLike(api, target, state), $"{api} via \"{route}\" does not look {state}");
            }
        }
    }
}
