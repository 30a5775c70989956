using System;
using System.IO;
using System.Net;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>The arguments a call needs (buffers, endpoints, a file), all local: loopback peers or temp paths.</summary>
    internal sealed class CallContext
    {
        private readonly Lazy<EndPoint> connectTarget;
        private readonly Lazy<EndPoint> sendToTarget;
        private readonly Lazy<string> file;

        public CallContext(Scenario scenario, SocketKind kind)
        {
            this.Scenario = scenario;
            this.Kind = kind;
            this.connectTarget = new(() => kind.Transport == SocketTransport.Stream ? scenario.StreamPeer(kind.Family) : scenario.DatagramPeer(kind.Family));
            this.sendToTarget = new(() => scenario.DatagramPeer(kind.Family));
            this.file = new(() =>
            {
                var path = scenario.NewPath(".bin");
                File.WriteAllBytes(path, this.Buffer);
                return path;
            });
        }

        public Scenario Scenario { get; }

        public SocketKind Kind { get; }

        public byte[] Buffer { get; } = "ground-truth"u8.ToArray();

        /// <summary>A new, unused local endpoint of the kind's family.</summary>
        public EndPoint FreshBindEndpoint => this.Scenario.BindEndpoint(this.Kind.Family);

        /// <summary>A live peer to connect to: a listening stream socket, or a bound datagram socket.</summary>
        public EndPoint ConnectTarget => this.connectTarget.Value;

        /// <summary>A bound datagram peer of the kind's family.</summary>
        public EndPoint SendToTarget => this.sendToTarget.Value;

        /// <summary>The "any sender" endpoint ReceiveFrom fills in.</summary>
        public EndPoint AnyEndpoint => this.Kind.Family switch
        {
            SocketFamily.IPv6 => new IPEndPoint(IPAddress.IPv6Any, 0),
            SocketFamily.Unix => this.Scenario.BindEndpoint(SocketFamily.Unix),
            _ => new IPEndPoint(IPAddress.Any, 0),
        };

        /// <summary>A small file in the temp folder, for SendFile.</summary>
        public string FilePath => this.file.Value;
    }
}
