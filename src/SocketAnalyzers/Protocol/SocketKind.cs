using System;

namespace SocketAnalyzers.Protocol
{
    /// <summary>What a socket is: its transport and address family, each possibly unknown.</summary>
    public readonly struct SocketKind : IEquatable<SocketKind>
    {
        public SocketKind(SocketTransport transport, SocketFamily family)
        {
            this.Transport = transport;
            this.Family = family;
        }

        public static SocketKind Unknown => default;

        public static SocketKind TcpV4 => new SocketKind(SocketTransport.Stream, SocketFamily.IPv4);

        public SocketTransport Transport { get; }

        public SocketFamily Family { get; }

        /// <summary>Joins two kinds at a merge point: what both agree on stays, the rest becomes unknown.</summary>
        public SocketKind Join(SocketKind other) => new SocketKind(
            this.Transport == other.Transport ? this.Transport : SocketTransport.Unknown,
            this.Family == other.Family ? this.Family : SocketFamily.Unknown);

        public bool Equals(SocketKind other) => this.Transport == other.Transport && this.Family == other.Family;

        public override bool Equals(object? obj) => obj is SocketKind other && this.Equals(other);

        public override int GetHashCode() => ((int)this.Transport * 8) + (int)this.Family;

        public override string ToString() => this.Family == SocketFamily.Unknown
            ? this.Transport.ToString()
            : this.Family + " " + this.Transport;

        public static bool operator ==(SocketKind left, SocketKind right) => left.Equals(right);

        public static bool operator !=(SocketKind left, SocketKind right) => !left.Equals(right);
    }
}
