using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// An owner made empty whose method stores a new socket (<c>Connect()</c>, <c>Initialize()</c>): it owes nothing
    /// before that call and owns the socket after it; when the call's network I/O throws, the socket is already stored.
    /// </summary>
    public sealed partial class SocketOwnerTypeTests
    {
        private const string LateOwner = """

            sealed class Client : IDisposable
            {
                private TcpClient client;
                private NetworkStream stream;
                public Client() { client = null!; stream = null!; }
                public bool IsAlive() => client != null && client.Connected;
                public void Connect(string host, int port)
                {
                    client = new TcpClient();
                    client.Connect(host, port);
                    stream = client.GetStream();
                }

                public async Task InitializeAsync(IPEndPoint endPoint)
                {
                    client = new();
                    await client.ConnectAsync(endPoint);
                    stream = client.GetStream();
                    _ = Task.Run(() => ReceiveAsync());
                }

                public void Dispose()
                {
                    stream?.Dispose();
                    client?.Dispose();
                }

                private async Task ReceiveAsync()
                {
                    var buffer = new byte[1024];
                    try
                    {
                        while (await stream.ReadAsync(buffer) > 0)
                        {
                        }
                    }
                    catch (IOException)
                    {
                    }
                }
            }
            """;

        private static string Late(string members) => """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class Program
            {
                static readonly List<Client> all = new List<Client>();

            """ + members + """

            }
            """ + LateOwner;

        [Fact]
        public async Task ConnectedThenLeftOpen_Reports()
        {
            var source = Late("""
                    static void Probe(string host)
                    {
                        var c = {|#0:new Client()|};
                        c.Connect(host, 80);
                        Console.WriteLine(c.IsAlive());
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("c (Client)", "no path closes it before the method ends"));
        }

        [Theory]
        [InlineData("var c = new Client(); Console.WriteLine(c.IsAlive());")]
        [InlineData("var c = new Client(); c.Connect(host, 80); c.Dispose();")]
        [InlineData("using var c = new Client(); c.Connect(host, 80);")]
        [InlineData("var c = new Client(); all.Add(c); c.Connect(host, 80);")]
        public async Task NeverConnectedOrClosedOrHandedOff_DoesNotReport(string body)
        {
            var source = Late("""
                    static void Probe(string host)
                    {
                """ + body + """

                    }
                """);
            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task FactoryWhoseInitializationThrows_ReportsTheLostOwner()
        {
            var source = Late("""
                    static Client Open(string host)
                    {
                        var c = {|#0:new Client()|};
                        c.{|#1:Connect|}(host, 80);
                        return c;
                    }

                    static async Task<Client> CreateAsync(IPEndPoint endPoint)
                    {
                        var c = {|#2:new Client()|};
                        await c.{|#3:InitializeAsync|}(endPoint);
                        return c;
                    }

                    static async Task<Client> CreateSafelyAsync(IPEndPoint endPoint)
                    {
                        var c = new Client();
                        try
                        {
                            await c.InitializeAsync(endPoint);
                            return c;
                        }
                        catch
                        {
                            c.Dispose();
                            throw;
                        }
                    }
                """);
            await Verify.VerifyAsync(
                LeakedOnException,
                source,
                Verify.Diagnostic(LeakedOnException).WithLocation(0).WithLocation(1).WithArguments("c (Client)", "Connect"),
                Verify.Diagnostic(LeakedOnException).WithLocation(2).WithLocation(3).WithArguments("c (Client)", "InitializeAsync"));
        }

        [Fact]
        public async Task ConstructorThatCallsAnAcquiringMethod_MakesAnOwnedObject()
        {
            var source = Late("""
                    static void Probe(string host)
                    {
                        var c = {|#0:new Dialer(host)|};
                        Console.WriteLine(c.IsAlive());
                    {|#1:}|}
                """) + """

            sealed class Dialer : IDisposable
            {
                private TcpClient client;
                public Dialer(string host) { client = null!; Connect(host); }
                public bool IsAlive() => client.Connected;
                private void Connect(string host)
                {
                    client = new TcpClient();
                    client.Connect(host, 80);
                }

                public void Dispose() => client.Dispose();
            }
            """;
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("c (Dialer)", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task ConnectThatStoresOnlyUnderACondition_IsUnknownCode()
        {
            var source = Late("""
                    static void Probe(string host)
                    {
                        var c = new Flaky();
                        c.Connect(host);
                    }
                """) + """

            sealed class Flaky : IDisposable
            {
                private TcpClient client;
                public Flaky() { client = null!; }
                public void Connect(string host) { if (host.Length > 0) client = new TcpClient(host, 80); }
                public void Dispose() => client?.Dispose();
            }
            """;
            await Verify.VerifyAsync(NotDisposed, source);
        }
    }
}
