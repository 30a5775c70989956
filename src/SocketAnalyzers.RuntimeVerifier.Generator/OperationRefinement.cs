namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>Members whose protocol operation depends on an argument's value, decided at run time.</summary>
    internal enum OperationRefinement
    {
        /// <summary>The member's operation from ProtocolApiMap.</summary>
        None = 0,

        /// <summary><c>Shutdown(how)</c>: the first argument picks the direction.</summary>
        ShutdownDirection,

        /// <summary><c>SetSocketOption(level, name, …)</c>: the first two arguments pick the option.</summary>
        SocketOption,

        /// <summary><c>UdpClient.Send</c> with an endpoint or host name: a SendTo.</summary>
        ExplicitDestination,
    }
}
