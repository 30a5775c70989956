using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// A consumer's Program.cs whose only socket mistake happens at run time (Bind twice, caught), so that the static
    /// rules have nothing to say and the runtime verifier's report is the only one.
    /// </summary>
    internal static class RuntimeVerifierProgram
    {
        public const string Source = """
            using System.Net;
            using System.Net.Sockets;

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            }
            catch (SocketException error)
            {
                System.Console.WriteLine("the real exception: " + error.SocketErrorCode);
            }
            """;

        /// <summary>Where the verifier reports: the name of the second Bind call.</summary>
        public static SourcePosition SecondBind
        {
            get
            {
                var call = SourcePosition.Of(Source, "socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));\n}");
                return call with { Column = call.Column + "socket.".Length };
            }
        }
    }
}
