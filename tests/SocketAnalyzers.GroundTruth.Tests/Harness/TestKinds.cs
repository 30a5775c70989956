using System.Collections.Generic;
using System.Collections.Immutable;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>The kinds of live object each API is measured on: every transport an entry names, on each family.</summary>
    internal static class TestKinds
    {
        public static ImmutableArray<SocketKind> All { get; } = ImmutableArray.Create(
            new SocketKind(SocketTransport.Stream, SocketFamily.IPv4),
            new SocketKind(SocketTransport.Stream, SocketFamily.IPv6),
            new SocketKind(SocketTransport.Stream, SocketFamily.Unix),
            new SocketKind(SocketTransport.Datagram, SocketFamily.IPv4),
            new SocketKind(SocketTransport.Datagram, SocketFamily.IPv6),
            new SocketKind(SocketTransport.Datagram, SocketFamily.Unix));

        /// <summary>Indexes into <see cref="All"/> for <paramref name="api"/> restricted to <paramref name="transport"/>.</summary>
        public static IEnumerable<int> For(SocketApi api, SocketTransport? transport)
        {
            for (var i = 0; i < All.Length; i++)
            {
                var kind = All[i];
                if (transport is { } required && kind.Transport != required)
                {
                    continue;
                }

                // A machine without IPv6 (some containers) cannot say anything about ::1.
                if (kind.Family == SocketFamily.IPv6 && !System.Net.Sockets.Socket.OSSupportsIPv6)
                {
                    continue;
                }

                var fits = api switch
                {
                    SocketApi.Socket => true,
                    SocketApi.TcpListener or SocketApi.TcpClient => kind.Transport == SocketTransport.Stream && kind.Family != SocketFamily.Unix,
                    SocketApi.UdpClient => kind.Transport == SocketTransport.Datagram && kind.Family != SocketFamily.Unix,
                    _ => kind == SocketKind.TcpV4,
                };
                if (fits)
                {
                    yield return i;
                }
            }
        }
    }
}
