namespace SocketAnalyzers.Protocol
{
    /// <summary>The address family axis of a socket's kind.</summary>
    public enum SocketFamily
    {
        /// <summary>Not known.</summary>
        Unknown = 0,

        /// <summary><c>AddressFamily.InterNetwork</c>.</summary>
        IPv4,

        /// <summary><c>AddressFamily.InterNetworkV6</c>.</summary>
        IPv6,

        /// <summary><c>AddressFamily.Unix</c>.</summary>
        Unix,
    }
}
