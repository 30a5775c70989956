using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>
    /// Issue 13: a reader parameter of a private method or local function every call of which passes a reader over a
    /// network stream is such a reader; a method others may call, or one a method group lets anything into, is not.
    /// </summary>
    public sealed class NetworkReaderParameterTests
    {
        [Fact]
        public async Task PrivateMethodEveryCallerOfWhichPassesANetworkReader_Reports() =>
            await Verify.VerifyAsync(Code("""
                private static async Task ReceiveAsync(StreamReader reader)
                {
                    while (true)
                    {
                        var message = await reader.{|#0:ReadLineAsync|}();
                        if (string.IsNullOrEmpty(message))
                            continue;
                        Console.WriteLine(message);
                    }
                }

                public static async Task Run(TcpClient client)
                {
                    var reader = new StreamReader(client.GetStream());
                    await Task.Run(async () => await ReceiveAsync(reader));
                }
                """), Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments("StreamReader.ReadLineAsync"));

        [Fact]
        public async Task LocalFunctionCalledWithANetworkReader_Reports() =>
            await Verify.VerifyAsync(Code("""
                public static void Run(Socket socket)
                {
                    Pump(new StreamReader(new NetworkStream(socket)));

                    static void Pump(TextReader lines)
                    {
                        while (true)
                        {
                            Console.WriteLine(lines.{|#0:ReadLine|}());
                        }
                    }
                }
                """), Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments("TextReader.ReadLine"));

        [Theory]
        // Others may call a public method with any reader.
        [InlineData("public static void Pump(StreamReader r) { while (true) { Console.WriteLine(r.ReadLine()); } } static void Run(TcpClient c) => Pump(new StreamReader(c.GetStream()));")]
        // One caller passes a reader of unknown origin.
        [InlineData("static void Pump(StreamReader r) { while (true) { Console.WriteLine(r.ReadLine()); } } static void Run(TcpClient c, Stream s) { Pump(new StreamReader(c.GetStream())); Pump(new StreamReader(s)); }")]
        // A method group may be called by anyone.
        [InlineData("static void Pump(StreamReader r) { while (true) { Console.WriteLine(r.ReadLine()); } } static void Run(TcpClient c) { Pump(new StreamReader(c.GetStream())); Action<StreamReader> a = Pump; }")]
        // The parameter is assigned in the method.
        [InlineData("static void Pump(StreamReader r, Stream s) { r = new StreamReader(s); while (true) { Console.WriteLine(r.ReadLine()); } } static void Run(TcpClient c, Stream s) => Pump(new StreamReader(c.GetStream()), s);")]
        // Never called.
        [InlineData("static void Pump(StreamReader r) { while (true) { Console.WriteLine(r.ReadLine()); } }")]
        // Passed on from another parameter: not followed.
        [InlineData("static void Pump(StreamReader r) { while (true) { Console.WriteLine(r.ReadLine()); } } static void Relay(StreamReader given) => Pump(given);")]
        public async Task ParameterOfUnknownOrigin_DoesNotReport(string members) =>
            await Verify.VerifyAsync(Code(members));

        private static string Code(string members) => $$"""
            using System;
            using System.IO;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class P
            {
                {{members}}
            }
            """;
    }
}
