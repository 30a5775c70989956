using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// Everything one measurement creates: sockets, peers, a temp folder for Unix socket paths and files. Disposing
    /// it closes them all (which also ends any call still blocked on them) and deletes the folder, so nothing is left
    /// running. Every endpoint is loopback (127.0.0.1, ::1) or a path inside the folder.
    /// </summary>
    internal sealed class Scenario : IDisposable
    {
        /// <summary>Safety net on every socket: no call here may block longer than this.</summary>
        public const int SocketTimeoutMilliseconds = 3000;

        private readonly List<IDisposable> owned = new();
        private readonly Dictionary<SocketFamily, Socket> peers = new();
        private readonly Lazy<string> folder = new(() => Directory.CreateTempSubdirectory("sa-gt-").FullName);
        private int counter;

        public string Folder => this.folder.Value;

        public T Own<T>(T disposable)
            where T : IDisposable
        {
            lock (this.owned)
            {
                this.owned.Add(disposable);
            }

            return disposable;
        }

        public string NewPath(string extension = ".sock") =>
            Path.Combine(this.Folder, "s" + Interlocked.Increment(ref this.counter) + extension);

        public static AddressFamily AddressFamilyOf(SocketFamily family) => family switch
        {
            SocketFamily.IPv4 => AddressFamily.InterNetwork,
            SocketFamily.IPv6 => AddressFamily.InterNetworkV6,
            SocketFamily.Unix => AddressFamily.Unix,
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, "no such test family"),
        };

        public static IPAddress LoopbackOf(SocketFamily family) =>
            family == SocketFamily.IPv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;

        /// <summary>A socket of <paramref name="kind"/> (TCP/UDP on IP, protocol 0 on Unix), with the safety timeouts.</summary>
        public Socket NewSocket(SocketKind kind)
        {
            var type = kind.Transport == SocketTransport.Stream ? SocketType.Stream : SocketType.Dgram;
            var protocol = kind.Family == SocketFamily.Unix ? ProtocolType.Unspecified
                : kind.Transport == SocketTransport.Stream ? ProtocolType.Tcp : ProtocolType.Udp;
            var socket = this.Own(new Socket(AddressFamilyOf(kind.Family), type, protocol));
            socket.ReceiveTimeout = SocketTimeoutMilliseconds;
            socket.SendTimeout = SocketTimeoutMilliseconds;
            return socket;
        }

        /// <summary>A fresh local endpoint: loopback port 0, or a new path in the temp folder.</summary>
        public EndPoint BindEndpoint(SocketFamily family) => family == SocketFamily.Unix
            ? new UnixDomainSocketEndPoint(this.NewPath())
            : new IPEndPoint(LoopbackOf(family), 0);

        /// <summary>A listening stream peer; returns its endpoint.</summary>
        public EndPoint StreamPeer(SocketFamily family)
        {
            var listener = this.NewSocket(new SocketKind(SocketTransport.Stream, family));
            listener.Bind(this.BindEndpoint(family));
            listener.Listen();
            this.peers[family] = listener;
            return listener.LocalEndPoint!;
        }

        /// <summary>A bound datagram peer; returns its endpoint.</summary>
        public EndPoint DatagramPeer(SocketFamily family)
        {
            var peer = this.NewSocket(new SocketKind(SocketTransport.Datagram, family));
            peer.Bind(this.BindEndpoint(family));
            return peer.LocalEndPoint!;
        }

        /// <summary>Connects <paramref name="socket"/> to a new peer of its kind; for a stream, returns the accepted side.</summary>
        public Socket? Connect(Socket socket, SocketKind kind)
        {
            if (kind.Transport != SocketTransport.Stream)
            {
                socket.Connect(this.DatagramPeer(kind.Family));
                return null;
            }

            return this.ConnectStream(kind.Family, socket.Connect);
        }

        /// <summary>Starts a stream peer, lets <paramref name="connect"/> connect to it, and returns the accepted side.</summary>
        public Socket ConnectStream(SocketFamily family, Action<EndPoint> connect)
        {
            connect(this.StreamPeer(family));
            var accepted = this.Own(this.peers[family].Accept());
            accepted.ReceiveTimeout = SocketTimeoutMilliseconds;
            accepted.SendTimeout = SocketTimeoutMilliseconds;
            return accepted;
        }

        public void Dispose()
        {
            IDisposable[] items;
            lock (this.owned)
            {
                items = this.owned.ToArray();
                this.owned.Clear();
            }

            for (var i = items.Length - 1; i >= 0; i--)
            {
                try
                {
                    items[i].Dispose();
                }
                catch (Exception)
                {
                    // Closing a socket that a failed call left half-open may throw; the next one must still close.
                }
            }

            if (this.folder.IsValueCreated)
            {
                Directory.Delete(this.folder.Value, recursive: true);
            }
        }
    }
}
