using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>Types that look like owners but are not ones the analysis may claim leaks of.</summary>
    public sealed partial class SocketOwnerTypeTests
    {
        private static string Probe(string type) => """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Sockets;

            class Program
            {
                static void Probe(IPEndPoint endPoint)
                {
                    var w = new Wrapper(endPoint);
                    w.Use();
                }
            }

            """ + type;

        [Theory]
        [InlineData("""
            // Dispose closes the socket only once started: not on every path.
            sealed class Wrapper : IDisposable
            {
                private readonly TcpClient client = new TcpClient();
                private bool started;
                public Wrapper(IPEndPoint endPoint) { }
                public void Use() { started = true; }
                public void Dispose() { if (started) client.Close(); }
            }
            """)]
        [InlineData("""
            // Dispose returns early on a condition that is no repeat guard.
            sealed class Wrapper : IDisposable
            {
                private readonly TcpClient client = new TcpClient();
                private bool started;
                public Wrapper(IPEndPoint endPoint) { }
                public void Use() { started = true; }
                public void Dispose() { if (!started) return; client.Close(); }
            }
            """)]
        [InlineData("""
            // Not IDisposable: a Close() alone is not a release the engine knows for a type of the program.
            sealed class Wrapper
            {
                private readonly TcpClient client = new TcpClient();
                public Wrapper(IPEndPoint endPoint) { }
                public void Use() { }
                public void Close() => client.Close();
            }
            """)]
        [InlineData("""
            // The constructor hands `this` to a registry, which may dispose it.
            sealed class Wrapper : IDisposable
            {
                public static readonly List<Wrapper> All = new List<Wrapper>();
                private readonly TcpClient client;
                public Wrapper(IPEndPoint endPoint) { client = new TcpClient(); All.Add(this); }
                public void Use() { }
                public void Dispose() => client.Dispose();
            }
            """)]
        [InlineData("""
            // The constructor makes no socket: nothing is open yet.
            sealed class Wrapper : IDisposable
            {
                private TcpClient client;
                public Wrapper(IPEndPoint endPoint) { }
                public void Use() { }
                public void Dispose() => client?.Dispose();
            }
            """)]
        [InlineData("""
            // Use() closes the socket itself.
            sealed class Wrapper : IDisposable
            {
                private readonly TcpClient client = new TcpClient();
                public Wrapper(IPEndPoint endPoint) { }
                public void Use() { client.Close(); }
                public void Dispose() => client.Dispose();
            }
            """)]
        [InlineData("""
            // Use() starts a receive loop that may dispose the object when the peer leaves.
            sealed class Wrapper : IDisposable
            {
                private readonly TcpClient client = new TcpClient();
                public Wrapper(IPEndPoint endPoint) { }
                public void Use() { System.Threading.Tasks.Task.Run(() => Loop()); }
                private void Loop() { Dispose(); }
                public void Dispose() => client.Dispose();
            }
            """)]
        [InlineData("""
            // Use() closes a stream over the socket (J7): the connection is closed.
            sealed class Wrapper : IDisposable
            {
                private readonly TcpClient client = new TcpClient();
                private System.IO.Stream stream;
                public Wrapper(IPEndPoint endPoint) { }
                public void Use() { stream = client.GetStream(); stream.Close(); }
                public void Dispose() => client.Dispose();
            }
            """)]
        [InlineData("""
            // Virtual Use() in an unsealed type: an override may do anything.
            class Wrapper : IDisposable
            {
                private readonly TcpClient client = new TcpClient();
                public Wrapper(IPEndPoint endPoint) { }
                public virtual void Use() { }
                public void Dispose() => client.Dispose();
            }
            """)]
        public async Task NotAnOwnerTheAnalysisMayClaim_DoesNotReport(string type)
        {
            await Verify.VerifyAsync(NotDisposed, Probe(type));
        }

        [Fact]
        public async Task OwnerMethodsCallingEachOtherInACycle_OnlyUseTheSocket()
        {
            var source = Probe("""
                sealed class Wrapper : IDisposable
                {
                    private readonly TcpClient client = new TcpClient();
                    private int depth;
                    public Wrapper(IPEndPoint endPoint) { }
                    public void Use() { if (depth++ < 3) Ping(); }
                    private void Ping() { if (client.Connected) Use(); }
                    public void Dispose() => client.Dispose();
                }
                """).Replace("var w = new Wrapper(endPoint);", "var w = {|#0:new Wrapper(endPoint)|};").Replace("w.Use();\n    }", "w.Use();\n    {|#1:}|}");
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("w (Wrapper)", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task OwnerWithAFieldInitializerAndDisposeBoolPattern_Reports()
        {
            var source = Probe("""
                class Wrapper : IDisposable
                {
                    private readonly TcpClient client = new TcpClient();
                    private bool disposed;
                    public Wrapper(IPEndPoint endPoint) { }
                    public void Use() { }
                    public void Dispose()
                    {
                        Dispose(true);
                        GC.SuppressFinalize(this);
                    }

                    protected virtual void Dispose(bool disposing)
                    {
                        if (!disposed)
                        {
                            if (disposing && client != null)
                            {
                                client.Dispose();
                            }

                            disposed = true;
                        }
                    }
                }
                """).Replace("var w = new Wrapper(endPoint);", "var w = {|#0:new Wrapper(endPoint)|};").Replace("w.Use();\n    }", "w.Use();\n    {|#1:}|}");
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("w (Wrapper)", "no path closes it before the method ends"));
        }
    }
}
