using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Issue 12, item 5: a constructor that makes its socket, calls one of its own methods that only uses the socket
    /// (options), then an operation that can fail from outside: the half-built object is lost with its socket.
    /// </summary>
    public sealed partial class SocketOwnerTypeTests
    {
        private static string Constructor(string helper) => """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Sockets;

            sealed class Link : IDisposable
            {
                public static readonly List<Link> All = new List<Link>();
                private readonly TcpClient client;

                public Link(IPEndPoint endPoint)
                {
                    {|#0:client|} = new TcpClient();
                    Configure();
                    client.{|#1:Connect|}(endPoint);
                }

            """ + helper + """

                public void Dispose() => client.Dispose();
            }
            """;

        [Fact]
        public async Task ConstructorCallsAnOptionsHelperThenConnects_Reports()
        {
            var source = Constructor("""
                    private void Configure()
                    {
                        client.NoDelay = true;
                        client.ReceiveBufferSize = 1 << 16;
                    }
                """);
            await Verify.VerifyAsync(LeakedOnException, source, Verify.Diagnostic(LeakedOnException).WithLocation(0).WithLocation(1).WithArguments("client", "Connect"));
        }

        [Theory]
        [InlineData("""
                private void Configure() => All.Add(this);
            """)]
        [InlineData("""
                private void Configure() { if (All.Count > 10) client.Close(); }
            """)]
        [InlineData("""
                public virtual void Configure() { }
            """)]
        public async Task ConstructorHelperThatMayTakeTheObjectOrTheSocket_DoesNotReport(string helper)
        {
            var source = Constructor(helper).Replace("{|#0:client|}", "client").Replace("{|#1:Connect|}", "Connect").Replace("sealed class Link", "class Link");
            await Verify.VerifyAsync(LeakedOnException, source);
        }
    }
}
