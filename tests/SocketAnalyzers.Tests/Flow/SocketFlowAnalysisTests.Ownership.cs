using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Tests.Flow.FlowTestHost;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>What the lifetime rules read: ownership of each tracked object at the normal and exceptional exits.</summary>
    public sealed partial class SocketFlowAnalysisTests
    {
        [Fact]
        public void DisposedOnEveryPath_IsDisposedAtBothExits()
        {
            var result = Analyze("""
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(ep);
                    }
                }
                """);

            Assert.True(result.IsComplete);
            Assert.Equal(Ownership.Disposed, Created(result.NormalExit, "s").Value.Ownership);
            Assert.Equal(SocketStates.Of(SocketState.Closed), Created(result.NormalExit, "s").Value.States);
            Assert.Equal(Ownership.Disposed, Created(result.ExceptionalExit, "s").Value.Ownership);
        }

        [Fact]
        public void DisposedOnOnePath_IsOwnedOrDisposed_AndLeaksOnException()
        {
            var result = Analyze("""
                class C
                {
                    void M(IPEndPoint ep, bool done)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(ep);
                        if (done)
                        {
                            s.Dispose();
                        }
                    }
                }
                """);

            Assert.Equal(Ownership.Owned | Ownership.Disposed, Created(result.NormalExit, "s").Value.Ownership);
            var onException = Created(result.ExceptionalExit, "s").Value;
            Assert.Equal(Ownership.Owned, onException.Ownership);
            Assert.True(onException.States.Contains(SocketState.Created));
        }

        [Fact]
        public void ReturnedFieldStoredAndParameter_HaveTheirOwnership()
        {
            var result = Analyze("""
                class C
                {
                    private Socket? field;

                    Socket M(Socket parameter)
                    {
                        var kept = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        this.field = kept;
                        var r = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        parameter.Dispose();
                        return r;
                    }
                }
                """);

            var exit = result.NormalExit;
            // Storing in a field of this object ends this path's ownership: the object holds it now (lifetime extension).
            Assert.Equal(Ownership.Held, Created(exit, "kept").Value.Ownership);
            var returned = Created(exit, "r");
            Assert.Equal(Ownership.Transferred, returned.Value.Ownership);
            Assert.True(exit.Returned.Contains(returned.Origin.Id));
            var parameter = Assert.Single(exit.Objects, o => o.Origin.Kind == SocketAnalyzers.Flow.Tracking.SocketOriginKind.Parameter);
            Assert.Equal(Ownership.Disposed, parameter.Value.Ownership);
            Assert.True(parameter.Value.IsUnknown);
        }

        [Fact]
        public void CaughtException_DoesNotLeaveTheMethod_FinallyRunsOnBothWays()
        {
            var result = Analyze("""
                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            try
                            {
                                s.Connect(ep);
                            }
                            catch (Exception)
                            {
                                s.Close();
                                return;
                            }
                        }
                        finally
                        {
                            s.Dispose();
                        }
                    }
                }
                """);

            Assert.Equal(Ownership.Disposed, Created(result.NormalExit, "s").Value.Ownership);

            // Only the constructor, before the try, may throw out of the method: the socket does not exist yet there.
            Assert.True(result.ExceptionalExit.IsReachable);
            Assert.Empty(result.ExceptionalExit.Objects);
        }

        [Fact]
        public void Steps_CarryTheMemberTraitsAndTheStateBefore()
        {
            var result = Analyze("""
                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(ep);
                        await s.ReceiveAsync(new byte[8]);
                    }
                }
                """);

            var connect = result.Steps[0];
            var receive = result.Steps[1];
            Assert.True(connect.Member!.Has(ApiTraits.Blocking));
            Assert.Equal("ConnectAsync", connect.Member.AsyncCounterpart);
            Assert.Equal(SocketStates.Of(SocketState.Created), connect.Before!.States);
            Assert.True(receive.Member!.Has(ApiTraits.Async | ApiTraits.ReturnsReceivedCount));
            Assert.Equal(SocketStates.Of(SocketState.Connected), receive.Before!.States);
            Assert.Equal("Dispose", result.Steps[2].MemberDisplay);
            Assert.Null(result.Steps[2].Member);
        }

        [Fact]
        public void AcceptedAndWrappedObjects_AreTrackedWithTheirOrigins()
        {
            var result = Analyze("""
                class C
                {
                    async Task M(TcpListener listener)
                    {
                        var client = await listener.AcceptTcpClientAsync();
                        var stream = client.GetStream();
                        var socket = client.Client;
                    }
                }
                """);

            var kinds = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(result.NormalExit.Objects, o => (o.Origin.Kind, o.Value.Api, o.Value.Ownership)));
            Assert.Contains((SocketAnalyzers.Flow.Tracking.SocketOriginKind.Accepted, SocketApi.TcpClient, Ownership.Owned), kinds);
            Assert.Contains((SocketAnalyzers.Flow.Tracking.SocketOriginKind.WrappedSocket, SocketApi.NetworkStream, Ownership.Unknown), kinds);
            Assert.Contains((SocketAnalyzers.Flow.Tracking.SocketOriginKind.WrappedSocket, SocketApi.Socket, Ownership.Unknown), kinds);
        }
    }
}
