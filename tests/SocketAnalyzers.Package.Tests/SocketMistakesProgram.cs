using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>A consumer's Program.cs with one SOCK101 and one SOCK109 mistake, and where the compiler must report them.</summary>
    internal static class SocketMistakesProgram
    {
        public const string Source = """
            using System.Net;
            using System.Net.Sockets;

            internal static class Program
            {
                private static void Main() => System.Console.WriteLine("built with SocketAnalyzers");

                private static void ListenOnUdp()
                {
                    using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    udp.Listen(10);
                }

                private static Socket CreateStreamOverUdp() =>
                    new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Udp);
            }
            """;

        /// <summary>SOCK101 is reported on the name of the Listen call.</summary>
        public static SourcePosition ListenOnDatagram => Offset(SourcePosition.Of(Source, "udp.Listen(10)"), "udp.".Length);

        /// <summary>SOCK109 is reported on the whole object creation.</summary>
        public static SourcePosition StreamOverUdp => SourcePosition.Of(Source, "new Socket(AddressFamily.InterNetwork, SocketType.Stream");

        private static SourcePosition Offset(SourcePosition position, int columns) => position with { Column = position.Column + columns };
    }
}
