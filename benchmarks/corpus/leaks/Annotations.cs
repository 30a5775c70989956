// Ownership annotations users already have: JetBrains.Annotations, declared in source as many projects do.
using System;
using System.Net;
using System.Net.Sockets;

namespace JetBrains.Annotations
{
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter)]
    internal sealed class MustDisposeResourceAttribute : Attribute
    {
        public MustDisposeResourceAttribute()
        {
        }

        public MustDisposeResourceAttribute(bool value) => this.Value = value;

        public bool Value { get; }
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property)]
    internal sealed class HandlesResourceDisposalAttribute : Attribute
    {
    }
}

namespace Corpus.Leaks
{
    using JetBrains.Annotations;

    public static class AnnotatedFactories
    {
        // The annotation documents that the caller must dispose what is returned.
        [MustDisposeResource]
        public static Socket OpenUdp() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        // The parameter takes ownership: passing a socket here hands it off.
        public static void Adopt([HandlesResourceDisposal] Socket socket, Action<Socket> use)
        {
            try
            {
                use(socket);
            }
            finally
            {
                socket.Dispose();
            }
        }

        // Not annotated and does not dispose: it only reads from the socket.
        public static int Peek(Socket socket) => socket.Available;

        public static void Use(EndPoint target)
        {
            var socket = OpenUdp(); // expect: SOCK201
            socket.SendTo(new byte[] { 1 }, target);
        }

        public static void UseAndDispose(EndPoint target)
        {
            using var socket = OpenUdp();
            socket.SendTo(new byte[] { 1 }, target);
        }

        public static void HandOff(EndPoint target)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            Adopt(socket, s => s.SendTo(new byte[] { 1 }, target));
        }
    }
}
