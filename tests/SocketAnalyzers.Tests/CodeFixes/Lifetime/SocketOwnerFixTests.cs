using System.Threading.Tasks;
using AddUsing = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.AddUsingFix>;
using DisposeOnFailure = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.DisposeOnFailureFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Lifetime
{
    /// <summary>The lifetime fixes on findings about the program's own socket owners: the result compiles and is quiet.</summary>
    public sealed class SocketOwnerFixTests
    {
        private const string Owner = """

            sealed class Connection : IDisposable
            {
                private readonly TcpClient client;
                public Connection(IPEndPoint endPoint) { client = new TcpClient(); }
                public bool IsAlive() => client.Connected;
                public void Send(byte[] data) => client.GetStream().Write(data, 0, data.Length);
                public void Dispose() => client.Dispose();
            }
            """;

        [Fact]
        public async Task OwnerNeverDisposed_GetsAUsingDeclaration()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                static class Program
                {
                    public static bool Probe(IPEndPoint endPoint)
                    {
                        var c = {|#0:new Connection(endPoint)|};
                        return c.IsAlive();
                    {|#1:}|}
                }
                """ + Owner;
            const string fixedSource = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                static class Program
                {
                    public static bool Probe(IPEndPoint endPoint)
                    {
                        using var c = new Connection(endPoint);
                        return c.IsAlive();
                    }
                }
                """ + Owner;
            await AddUsing.VerifyFixAsync(
                source,
                new[] { AddUsing.Diagnostic("SOCK201").WithLocation(0).WithLocation(1).WithArguments("c (Connection)", "no path closes it before the method ends") },
                fixedSource);
        }

        [Fact]
        public async Task OwnerSendingBeforeItIsReturned_IsDisposedOnFailure()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                static class Program
                {
                    public static Connection Open(IPEndPoint endPoint, byte[] hello)
                    {
                        var c = {|#0:new Connection(endPoint)|};
                        c.{|#1:Send|}(hello);
                        return c;
                    }
                }
                """ + Owner;
            const string fixedSource = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                static class Program
                {
                    public static Connection Open(IPEndPoint endPoint, byte[] hello)
                    {
                        var c = new Connection(endPoint);
                        try
                        {
                            c.Send(hello);
                            return c;
                        }
                        catch
                        {
                            c.Dispose();
                            throw;
                        }
                    }
                }
                """ + Owner;
            await DisposeOnFailure.VerifyFixAsync(
                source,
                new[] { DisposeOnFailure.Diagnostic("SOCK202").WithLocation(0).WithLocation(1).WithArguments("c (Connection)", "Send") },
                fixedSource);
        }
    }
}
