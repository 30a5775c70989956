using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.RemoveUsingFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Lifetime
{
    public sealed class RemoveUsingFixTests
    {
        [Fact]
        public async Task ReturnedAndStored_RemoveUsing_FixAll()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Holder : IDisposable
                {
                    private Socket? current;

                    public static Socket Open(EndPoint endPoint)
                    {
                        {|#1:using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);|}
                        socket.Connect(endPoint);
                        {|#0:return socket;|}
                    }

                    public void Keep()
                    {
                        {|#3:using var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);|}
                        {|#2:this.current = socket|};
                    }

                    public void Dispose() => this.current?.Dispose();
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Holder : IDisposable
                {
                    private Socket? current;

                    public static Socket Open(EndPoint endPoint)
                    {
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            socket.Connect(endPoint);
                            return socket;
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    }

                    public void Keep()
                    {
                        var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                        this.current = socket;
                    }

                    public void Dispose() => this.current?.Dispose();
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK205").WithLocation(0).WithLocation(1).WithArguments("socket", "is returned"),
                    Verify.Diagnostic("SOCK205").WithLocation(2).WithLocation(3).WithArguments("socket", "is stored in 'this.current'"),
                },
                fixedSource);
        }

        [Fact]
        public async Task CapturedByTask_HasNoFix()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class Pump
                {
                    public static void Start()
                    {
                        {|#1:using var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);|}
                        _ = {|#0:Task.Run(() => socket.Receive(new byte[1]))|};
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK205").WithLocation(0).WithLocation(1).WithArguments("socket", "is used by a task that is not awaited before the scope ends") },
                source);
        }

        [Fact]
        public async Task HandOffBeforeTheDeclaration_HasNoFix()
        {
            // Found by the fuzz test (Fuzz/FuzzTests.cs, two lines swapped): the fix threw ArgumentOutOfRangeException.
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                static class Factory
                {
                    public static Socket Open(EndPoint endPoint)
                    {
                        {|#0:return {|CS0841:socket|};|}
                        {|#1:using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);|}
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK205").WithLocation(0).WithLocation(1).WithArguments("socket", "is returned") },
                source);
        }
    }
}
