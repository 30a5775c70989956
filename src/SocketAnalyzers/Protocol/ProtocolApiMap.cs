using System.Collections.Generic;
using System.Collections.Immutable;
using static SocketAnalyzers.Protocol.ApiTraits;
using static SocketAnalyzers.Protocol.SocketOperation;

namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// Which member of Socket, TcpListener, TcpClient, UdpClient and NetworkStream is which protocol operation.
    /// Members are named, not resolved: the analyzers resolve them against a compilation, the runtime verifier's
    /// generator picks its call sites from the same list.
    /// </summary>
    public static partial class ProtocolApiMap
    {
        public const string SocketsNamespace = "System.Net.Sockets";

        public static ImmutableArray<ProtocolMember> Members { get; } = ImmutableArray.Create(
            M(SocketApi.Socket, "Bind", Bind),
            M(SocketApi.Socket, "Listen", Listen),
            M(SocketApi.Socket, "Accept", Accept, Blocking | ReturnsAccepted, "AcceptAsync"),
            M(SocketApi.Socket, "AcceptAsync", Accept, Async | ReturnsAccepted | PendingValueTaskReturnsDefault),
            M(SocketApi.Socket, "BeginAccept", Accept, Async),

            // The end of an APM accept returns the connection BeginAccept started: the listener's state was checked there.
            M(SocketApi.Socket, "EndAccept", SocketOperation.None, ReturnsAccepted),
            M(SocketApi.Socket, "Connect", Connect, Blocking, "ConnectAsync"),
            M(SocketApi.Socket, "ConnectAsync", Connect, Async),
            M(SocketApi.Socket, "BeginConnect", Connect, Async),
            M(SocketApi.Socket, "Send", Send, Blocking, "SendAsync"),
            M(SocketApi.Socket, "SendAsync", Send, Async | PendingValueTaskReturnsDefault),
            M(SocketApi.Socket, "BeginSend", Send, Async),
            M(SocketApi.Socket, "SendFile", Send, Blocking, "SendFileAsync"),
            M(SocketApi.Socket, "SendFileAsync", Send, Async),
            M(SocketApi.Socket, "Receive", Receive, Blocking | ReturnsReceivedCount, "ReceiveAsync"),
            M(SocketApi.Socket, "ReceiveAsync", Receive, Async | ReturnsReceivedCount | PendingValueTaskReturnsDefault),
            M(SocketApi.Socket, "BeginReceive", Receive, Async),
            M(SocketApi.Socket, "EndReceive", SocketOperation.None, ReturnsReceivedCount),
            M(SocketApi.Socket, "SendTo", SendTo, Blocking, "SendToAsync"),
            M(SocketApi.Socket, "SendToAsync", SendTo, Async),
            M(SocketApi.Socket, "BeginSendTo", SendTo, Async),
            M(SocketApi.Socket, "ReceiveFrom", ReceiveFrom, Blocking | ReturnsReceivedCount, "ReceiveFromAsync"),
            M(SocketApi.Socket, "ReceiveFromAsync", ReceiveFrom, Async | ReturnsReceivedCount | PendingValueTaskReturnsDefault),
            M(SocketApi.Socket, "BeginReceiveFrom", ReceiveFrom, Async),
            M(SocketApi.Socket, "ReceiveMessageFrom", ReceiveFrom, Blocking | ReturnsReceivedCount, "ReceiveMessageFromAsync"),
            M(SocketApi.Socket, "ReceiveMessageFromAsync", ReceiveFrom, Async | ReturnsReceivedCount | PendingValueTaskReturnsDefault),
            M(SocketApi.Socket, "Shutdown", Shutdown),
            M(SocketApi.Socket, "Disconnect", Disconnect, Blocking, "DisconnectAsync"),
            M(SocketApi.Socket, "DisconnectAsync", Disconnect, Async),
            M(SocketApi.Socket, "BeginDisconnect", Disconnect, Async),
            M(SocketApi.Socket, "Close", Close),
            M(SocketApi.Socket, "Dispose", Close),
            M(SocketApi.Socket, "ExclusiveAddressUse", SetPreBindOption),
            M(SocketApi.Socket, "DualMode", SetPreBindOption),
            M(SocketApi.Socket, "SetSocketOption", SocketOperation.None),

            M(SocketApi.TcpListener, "Start", Start),
            M(SocketApi.TcpListener, "Stop", Stop),
            M(SocketApi.TcpListener, "Dispose", Close),
            M(SocketApi.TcpListener, "AcceptSocket", Accept, Blocking | ReturnsAccepted, "AcceptSocketAsync"),
            M(SocketApi.TcpListener, "AcceptSocketAsync", Accept, Async | ReturnsAccepted | PendingValueTaskReturnsDefault),
            M(SocketApi.TcpListener, "BeginAcceptSocket", Accept, Async),
            M(SocketApi.TcpListener, "EndAcceptSocket", SocketOperation.None, ReturnsAccepted),
            M(SocketApi.TcpListener, "AcceptTcpClient", Accept, Blocking | ReturnsAccepted, "AcceptTcpClientAsync"),
            M(SocketApi.TcpListener, "AcceptTcpClientAsync", Accept, Async | ReturnsAccepted),
            M(SocketApi.TcpListener, "BeginAcceptTcpClient", Accept, Async),
            M(SocketApi.TcpListener, "EndAcceptTcpClient", SocketOperation.None, ReturnsAccepted),
            M(SocketApi.TcpListener, "Pending", Accept),
            M(SocketApi.TcpListener, "ExclusiveAddressUse", SetPreBindOption),

            M(SocketApi.TcpClient, "Connect", Connect, Blocking, "ConnectAsync"),
            M(SocketApi.TcpClient, "ConnectAsync", Connect, Async),
            M(SocketApi.TcpClient, "BeginConnect", Connect, Async),
            M(SocketApi.TcpClient, "GetStream", GetStream),
            M(SocketApi.TcpClient, "Close", Close),
            M(SocketApi.TcpClient, "Dispose", Close),

            M(SocketApi.UdpClient, "Connect", Connect),
            M(SocketApi.UdpClient, "Send", Send, Blocking, "SendAsync"),
            M(SocketApi.UdpClient, "SendAsync", Send, Async),
            M(SocketApi.UdpClient, "BeginSend", Send, Async),
            M(SocketApi.UdpClient, "Receive", Receive, Blocking | ReturnsReceivedCount, "ReceiveAsync"),
            M(SocketApi.UdpClient, "ReceiveAsync", Receive, Async | ReturnsReceivedCount),
            M(SocketApi.UdpClient, "BeginReceive", Receive, Async),
            M(SocketApi.UdpClient, "Close", Close),
            M(SocketApi.UdpClient, "Dispose", Close),

            M(SocketApi.NetworkStream, "Read", Receive, Blocking | ReturnsReceivedCount, "ReadAsync"),
            M(SocketApi.NetworkStream, "ReadAsync", Receive, Async | ReturnsReceivedCount | PendingValueTaskReturnsDefault),
            M(SocketApi.NetworkStream, "BeginRead", Receive, Async),
            M(SocketApi.NetworkStream, "EndRead", SocketOperation.None, ReturnsReceivedCount),
            M(SocketApi.NetworkStream, "ReadByte", Receive, Blocking),
            M(SocketApi.NetworkStream, "ReadExactly", Receive, Blocking, "ReadExactlyAsync"),
            M(SocketApi.NetworkStream, "ReadAtLeast", Receive, Blocking | ReturnsReceivedCount, "ReadAtLeastAsync"),
            M(SocketApi.NetworkStream, "Write", Send, Blocking, "WriteAsync"),
            M(SocketApi.NetworkStream, "WriteAsync", Send, Async | PendingValueTaskReturnsDefault),
            M(SocketApi.NetworkStream, "BeginWrite", Send, Async),
            M(SocketApi.NetworkStream, "WriteByte", Send, Blocking),
            // Flush does nothing: a NetworkStream has no buffer, every Write goes to the socket (SOCK301/303 stay silent).
            M(SocketApi.NetworkStream, "Flush", SocketOperation.None),
            M(SocketApi.NetworkStream, "Close", Close),
            M(SocketApi.NetworkStream, "Dispose", Close),
            M(SocketApi.NetworkStream, "DisposeAsync", Close, Async),

            // Name resolution before a Connect: no protocol operation, but it blocks like one.
            M(SocketApi.Dns, "GetHostEntry", SocketOperation.None, Blocking, "GetHostEntryAsync"),
            M(SocketApi.Dns, "GetHostEntryAsync", SocketOperation.None, Async),
            M(SocketApi.Dns, "GetHostAddresses", SocketOperation.None, Blocking, "GetHostAddressesAsync"),
            M(SocketApi.Dns, "GetHostAddressesAsync", SocketOperation.None, Async));

        private static readonly Dictionary<(SocketApi, string), ProtocolMember> ByName = IndexByName();

        /// <summary>The metadata name of an API type, e.g. <c>System.Net.Sockets.TcpClient</c>.</summary>
        public static string MetadataName(SocketApi api) =>
            api == SocketApi.Dns ? "System.Net.Dns" : SocketsNamespace + "." + api;

        /// <summary>The member of <paramref name="api"/> called <paramref name="name"/>, if the protocol knows it.</summary>
        public static ProtocolMember? Find(SocketApi api, string name) =>
            ByName.TryGetValue((api, name), out var member) ? member : null;

        private static ProtocolMember M(SocketApi api, string name, SocketOperation operation, ApiTraits traits = ApiTraits.None, string? asyncCounterpart = null) =>
            new ProtocolMember(api, name, operation, traits, asyncCounterpart);

        private static Dictionary<(SocketApi, string), ProtocolMember> IndexByName()
        {
            var map = new Dictionary<(SocketApi, string), ProtocolMember>();
            foreach (var member in Members)
            {
                map[(member.Api, member.Name)] = member;
            }

            return map;
        }
    }
}
