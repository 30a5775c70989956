using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Issue 12, item 6: a disposable type of the program whose Dispose closes the socket it stores is itself a socket
    /// owner, followed like the socket: made, handed a socket, disposed, returned, stored (Flow/Tracking/SocketOwningTypes).
    /// </summary>
    public sealed partial class SocketOwnerTypeTests
    {
        private const string NotDisposed = "SOCK201";
        private const string LeakedOnException = "SOCK202";
        private const string Accepted = "SOCK203";

        /// <summary>Owner types shared by the tests: one handed its socket, one that makes its own.</summary>
        private const string Owners = """

            sealed class Entry : IDisposable
            {
                public Entry(TcpClient client) { Client = client; }
                public TcpClient Client { get; }
                public void Dispose() => Client.Dispose();
            }

            sealed class Connection : IDisposable
            {
                private readonly TcpClient client;
                private bool disposed;
                public Connection(IPEndPoint endPoint) { client = new TcpClient(); }
                public bool IsAlive() => client.Connected;
                public void Send(byte[] data) => client.GetStream().Write(data, 0, data.Length);
                public void Close() => Dispose();
                public void Dispose() { Dispose(true); }
                private void Dispose(bool disposing)
                {
                    if (disposed) return;
                    disposed = true;
                    if (disposing) { client?.Close(); }
                }
            }
            """;

        private static string Code(string members) => """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class Program
            {
            """ + members + """

            }
            """ + Owners;

        [Fact]
        public async Task OwnerLeftOpenOnABranch_Reports()
        {
            var source = Code("""
                    static void Probe(IPEndPoint endPoint)
                    {
                        var c = {|#0:new Connection(endPoint)|};
                        if (!c.IsAlive())
                        {
                            return;
                        }

                        c.Dispose();
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("c (Connection)", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task SocketHandedToOwnerNeverDisposed_ReportsAtTheSocketNamingTheOwner()
        {
            var source = Code("""
                    static void Probe(IPEndPoint endPoint)
                    {
                        var e = new Entry({|#0:new TcpClient()|});
                        e.Client.Connect(endPoint);
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("e (Entry)", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task AliasOfTheOwnerDisposed_DoesNotReport()
        {
            var source = Code("""
                    static void Probe(IPEndPoint endPoint, byte[] data)
                    {
                        var c = new Connection(endPoint);
                        var alias = c;
                        alias.Send(data);
                        alias.Close();
                    }
                """);
            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task OwnerCreatedInALoopAndNeverDisposed_Reports()
        {
            var source = Code("""
                    static void Probe(IPEndPoint endPoint, int n)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            var c = {|#0:new Connection(endPoint)|};
                            if (c.IsAlive())
                            {
                                c.Dispose();
                            }
                        }
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("c (Connection)", "the next iteration replaces it while it is still open"));
        }

        [Fact]
        public async Task OwnerFromAFactoryLeftOpen_Reports()
        {
            var source = Code("""
                    static Connection Open(IPEndPoint endPoint)
                    {
                        var c = new Connection(endPoint);
                        return c;
                    }

                    static bool Probe(IPEndPoint endPoint)
                    {
                        var c = {|#0:Open(endPoint)|};
                        return c.IsAlive();
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("c (Connection)", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task OwnerInALambdaLeftOpen_ReportsInTheLambda()
        {
            var source = Code("""
                    static Task Probe(IPEndPoint endPoint, byte[] data) => Task.Run(() =>
                    {
                        var c = {|#0:new Connection(endPoint)|};
                        if (data.Length == 0)
                        {
                            return;
                        }

                        using (c)
                        {
                            c.Send(data);
                        }
                    {|#1:}|});
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("c (Connection)", "some path reaches the end of the method with it still open"));
        }
    }
}
