namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// What a member call does to the protocol state. Many members map onto one operation
    /// (<see cref="ProtocolApiMap"/> says which); the <see cref="ProtocolTable"/> says where each is legal.
    /// </summary>
    public enum SocketOperation
    {
        /// <summary>Not a protocol operation (reading a property, an option that works in every state, …).</summary>
        None = 0,

        /// <summary><c>Bind</c>.</summary>
        Bind,

        /// <summary><c>Listen</c> on a Socket.</summary>
        Listen,

        /// <summary><c>TcpListener.Start</c>: bind and listen.</summary>
        Start,

        /// <summary><c>TcpListener.Stop</c> (and Dispose): closes the listening socket; the listener can start again.</summary>
        Stop,

        /// <summary><c>Accept</c>, <c>AcceptAsync</c>, <c>AcceptSocket</c>, <c>AcceptTcpClient</c>, <c>Pending</c>, ….</summary>
        Accept,

        /// <summary><c>Connect</c>, <c>ConnectAsync</c>, <c>BeginConnect</c>.</summary>
        Connect,

        /// <summary>Send to the connected peer (<c>Send</c>, <c>SendAsync</c>, <c>Write</c>, …).</summary>
        Send,

        /// <summary>Receive from the connected peer (<c>Receive</c>, <c>ReceiveAsync</c>, <c>Read</c>, …).</summary>
        Receive,

        /// <summary>Send to an explicit endpoint (<c>SendTo</c>, <c>UdpClient.Send(bytes, endpoint)</c>).</summary>
        SendTo,

        /// <summary>Receive with the sender's endpoint (<c>ReceiveFrom</c>).</summary>
        ReceiveFrom,

        /// <summary><c>Shutdown(SocketShutdown.Send)</c>.</summary>
        ShutdownSend,

        /// <summary><c>Shutdown(SocketShutdown.Receive)</c>.</summary>
        ShutdownReceive,

        /// <summary><c>Shutdown(SocketShutdown.Both)</c>.</summary>
        ShutdownBoth,

        /// <summary><c>Shutdown(how)</c> where <c>how</c> is not a constant.</summary>
        Shutdown,

        /// <summary><c>Disconnect</c>, <c>DisconnectAsync</c>.</summary>
        Disconnect,

        /// <summary><c>Close</c>, <c>Dispose</c>, <c>DisposeAsync</c>.</summary>
        Close,

        /// <summary>Setting an option that only takes effect before Bind: <c>ExclusiveAddressUse</c>, <c>DualMode</c>.</summary>
        SetPreBindOption,

        /// <summary>Setting <c>ReuseAddress</c>: accepted in every state; after Bind too late for this socket, yet it opens the port to others (Linux).</summary>
        SetReuseAddress,

        /// <summary><c>TcpClient.GetStream</c>.</summary>
        GetStream,

        /// <summary><c>new NetworkStream(socket)</c>: the operation applies to the socket argument.</summary>
        WrapInStream,
    }
}
