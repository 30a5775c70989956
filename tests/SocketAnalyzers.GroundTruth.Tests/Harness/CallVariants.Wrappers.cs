using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using SocketAnalyzers.Protocol;
using Api = SocketAnalyzers.Protocol.SocketApi;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>Calls on TcpListener, TcpClient, UdpClient and NetworkStream.</summary>
    internal static partial class CallVariants
    {
        private static void AddTcpListener(List<CallVariant> list)
        {
            list.Add(Sync<TcpListener>(Api.TcpListener, "Start", "Start()", (l, c) => l.Start()));
            list.Add(Sync<TcpListener>(Api.TcpListener, "Stop", "Stop()", (l, c) => l.Stop()));
            list.Add(Sync<TcpListener>(Api.TcpListener, "Dispose", "Dispose()", (l, c) => l.Dispose()));
            list.Add(Sync<TcpListener>(Api.TcpListener, "AcceptSocket", "AcceptSocket()", (l, c) => c.Scenario.Own(l.AcceptSocket())));
            list.Add(Async<TcpListener>(Api.TcpListener, "AcceptSocketAsync", "AcceptSocketAsync()", (l, c) => OwnResult(l.AcceptSocketAsync(), c)));
            list.Add(Apm<TcpListener>(Api.TcpListener, "BeginAcceptSocket", "BeginAcceptSocket/EndAcceptSocket", (l, c) => l.BeginAcceptSocket(null, null), (l, r) => l.EndAcceptSocket(r).Dispose()));
            list.Add(Sync<TcpListener>(Api.TcpListener, "AcceptTcpClient", "AcceptTcpClient()", (l, c) => c.Scenario.Own(l.AcceptTcpClient())));
            list.Add(Async<TcpListener>(Api.TcpListener, "AcceptTcpClientAsync", "AcceptTcpClientAsync()", (l, c) => OwnResult(l.AcceptTcpClientAsync(), c)));
            list.Add(Apm<TcpListener>(Api.TcpListener, "BeginAcceptTcpClient", "BeginAcceptTcpClient/EndAcceptTcpClient", (l, c) => l.BeginAcceptTcpClient(null, null), (l, r) => l.EndAcceptTcpClient(r).Dispose()));
            list.Add(Sync<TcpListener>(Api.TcpListener, "Pending", "Pending()", (l, c) => l.Pending()));
            list.Add(Sync<TcpListener>(Api.TcpListener, "ExclusiveAddressUse", "ExclusiveAddressUse = true", (l, c) => l.ExclusiveAddressUse = true) with { Subject = "ExclusiveAddressUse" });
        }

        private static void AddTcpClient(List<CallVariant> list)
        {
            list.Add(Sync<TcpClient>(Api.TcpClient, "Connect", "Connect(endpoint)", (t, c) => t.Connect((IPEndPoint)c.ConnectTarget)));
            list.Add(Async<TcpClient>(Api.TcpClient, "ConnectAsync", "ConnectAsync(endpoint)", (t, c) => t.ConnectAsync((IPEndPoint)c.ConnectTarget)));
            list.Add(Apm<TcpClient>(Api.TcpClient, "BeginConnect", "BeginConnect/EndConnect", (t, c) =>
            {
                var target = (IPEndPoint)c.ConnectTarget;
                return t.BeginConnect(target.Address, target.Port, null, null);
            }, (t, r) => t.EndConnect(r)));
            list.Add(Sync<TcpClient>(Api.TcpClient, "GetStream", "GetStream()", (t, c) => t.GetStream()));
            list.Add(Sync<TcpClient>(Api.TcpClient, "Close", "Close()", (t, c) => t.Close()));
            list.Add(Sync<TcpClient>(Api.TcpClient, "Dispose", "Dispose()", (t, c) => t.Dispose()));
        }

        private static void AddUdpClient(List<CallVariant> list)
        {
            var toDefault = ProtocolApiMap.UdpSendOperation(hasExplicitDestination: false);
            var toEndpoint = ProtocolApiMap.UdpSendOperation(hasExplicitDestination: true);
            list.Add(Sync<UdpClient>(Api.UdpClient, "Connect", "Connect(endpoint)", (u, c) => u.Connect((IPEndPoint)c.SendToTarget)));
            list.Add(Sync<UdpClient>(Api.UdpClient, "Send", "Send(bytes, length)", (u, c) => u.Send(c.Buffer, c.Buffer.Length), toDefault));
            list.Add(Sync<UdpClient>(Api.UdpClient, "Send", "Send(bytes, length, endpoint)", (u, c) => u.Send(c.Buffer, c.Buffer.Length, (IPEndPoint)c.SendToTarget), toEndpoint));
            list.Add(Async<UdpClient>(Api.UdpClient, "SendAsync", "SendAsync(bytes, length)", (u, c) => u.SendAsync(c.Buffer, c.Buffer.Length), toDefault));
            list.Add(Async<UdpClient>(Api.UdpClient, "SendAsync", "SendAsync(bytes, length, endpoint)", (u, c) => u.SendAsync(c.Buffer, c.Buffer.Length, (IPEndPoint)c.SendToTarget), toEndpoint));
            list.Add(Apm<UdpClient>(Api.UdpClient, "BeginSend", "BeginSend(bytes, length)/EndSend", (u, c) => u.BeginSend(c.Buffer, c.Buffer.Length, null, null), (u, r) => u.EndSend(r), toDefault));
            list.Add(Apm<UdpClient>(Api.UdpClient, "BeginSend", "BeginSend(bytes, length, endpoint)/EndSend", (u, c) => u.BeginSend(c.Buffer, c.Buffer.Length, (IPEndPoint)c.SendToTarget, null, null), (u, r) => u.EndSend(r), toEndpoint));
            list.Add(Sync<UdpClient>(Api.UdpClient, "Close", "Close()", (u, c) => u.Close()));
            list.Add(Sync<UdpClient>(Api.UdpClient, "Dispose", "Dispose()", (u, c) => u.Dispose()));
        }

        private static void AddNetworkStream(List<CallVariant> list)
        {
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "Write", "Write(byte[], 0, n)", (n, c) => n.Write(c.Buffer, 0, c.Buffer.Length)));
            list.Add(Async<NetworkStream>(Api.NetworkStream, "WriteAsync", "WriteAsync(byte[], 0, n)", (n, c) => n.WriteAsync(c.Buffer, 0, c.Buffer.Length)));
            list.Add(Apm<NetworkStream>(Api.NetworkStream, "BeginWrite", "BeginWrite/EndWrite", (n, c) => n.BeginWrite(c.Buffer, 0, c.Buffer.Length, null, null), (n, r) => n.EndWrite(r)));
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "WriteByte", "WriteByte(1)", (n, c) => n.WriteByte(1)));
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "Read", "Read(byte[], 0, n)", (n, c) => _ = n.Read(new byte[64], 0, 64)));
            list.Add(Async<NetworkStream>(Api.NetworkStream, "ReadAsync", "ReadAsync(byte[], 0, n)", (n, c) => n.ReadAsync(new byte[64], 0, 64)));
            list.Add(Apm<NetworkStream>(Api.NetworkStream, "BeginRead", "BeginRead/EndRead", (n, c) => n.BeginRead(new byte[64], 0, 64, null, null), (n, r) => n.EndRead(r)));
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "ReadByte", "ReadByte()", (n, c) => n.ReadByte()));
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "ReadExactly", "ReadExactly(byte[4])", (n, c) => n.ReadExactly(new byte[4])));
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "ReadAtLeast", "ReadAtLeast(byte[64], 1)", (n, c) => n.ReadAtLeast(new byte[64], 1)));
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "Close", "Close()", (n, c) => n.Close()));
            list.Add(Sync<NetworkStream>(Api.NetworkStream, "Dispose", "Dispose()", (n, c) => n.Dispose()));
            list.Add(Async<NetworkStream>(Api.NetworkStream, "DisposeAsync", "DisposeAsync()", (n, c) => n.DisposeAsync().AsTask()));
        }
    }
}
