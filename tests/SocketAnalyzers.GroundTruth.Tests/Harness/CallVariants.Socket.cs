using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using SocketAnalyzers.Protocol;
using Api = SocketAnalyzers.Protocol.SocketApi;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>Calls on <see cref="System.Net.Sockets.Socket"/>.</summary>
    internal static partial class CallVariants
    {
        private static void AddSocket(List<CallVariant> list)
        {
            list.Add(Sync<Socket>(Api.Socket, "Bind", "Bind(endpoint)", (s, c) => s.Bind(c.FreshBindEndpoint)));
            list.Add(Sync<Socket>(Api.Socket, "Listen", "Listen()", (s, c) => s.Listen()));

            list.Add(Sync<Socket>(Api.Socket, "Accept", "Accept()", (s, c) => c.Scenario.Own(s.Accept())));
            list.Add(Async<Socket>(Api.Socket, "AcceptAsync", "AcceptAsync()", (s, c) => OwnResult(s.AcceptAsync(), c)));
            list.Add(Apm<Socket>(Api.Socket, "BeginAccept", "BeginAccept/EndAccept", (s, c) => s.BeginAccept(null, null), (s, r) => s.EndAccept(r).Dispose()));

            list.Add(Sync<Socket>(Api.Socket, "Connect", "Connect(endpoint)", (s, c) => s.Connect(c.ConnectTarget)));
            list.Add(Async<Socket>(Api.Socket, "ConnectAsync", "ConnectAsync(endpoint)", (s, c) => s.ConnectAsync(c.ConnectTarget)));
            list.Add(Apm<Socket>(Api.Socket, "BeginConnect", "BeginConnect/EndConnect", (s, c) => s.BeginConnect(c.ConnectTarget, null, null), (s, r) => s.EndConnect(r)));

            list.Add(Sync<Socket>(Api.Socket, "Send", "Send(byte[])", (s, c) => s.Send(c.Buffer)));
            list.Add(Async<Socket>(Api.Socket, "SendAsync", "SendAsync(Memory)", (s, c) => s.SendAsync(c.Buffer.AsMemory(), SocketFlags.None).AsTask()));
            list.Add(Apm<Socket>(Api.Socket, "BeginSend", "BeginSend/EndSend", (s, c) => s.BeginSend(c.Buffer, 0, c.Buffer.Length, SocketFlags.None, null, null), (s, r) => s.EndSend(r)));
            list.Add(Sync<Socket>(Api.Socket, "SendFile", "SendFile(path)", (s, c) => s.SendFile(c.FilePath)));
            list.Add(Async<Socket>(Api.Socket, "SendFileAsync", "SendFileAsync(path)", (s, c) => s.SendFileAsync(c.FilePath).AsTask()));

            list.Add(Sync<Socket>(Api.Socket, "Receive", "Receive(byte[])", (s, c) => s.Receive(new byte[64])));
            list.Add(Async<Socket>(Api.Socket, "ReceiveAsync", "ReceiveAsync(Memory)", (s, c) => s.ReceiveAsync(new byte[64].AsMemory(), SocketFlags.None).AsTask()));
            list.Add(Apm<Socket>(Api.Socket, "BeginReceive", "BeginReceive/EndReceive", (s, c) => s.BeginReceive(new byte[64], 0, 64, SocketFlags.None, null, null), (s, r) => s.EndReceive(r)));

            list.Add(Sync<Socket>(Api.Socket, "SendTo", "SendTo(byte[], endpoint)", (s, c) => s.SendTo(c.Buffer, c.SendToTarget)));
            list.Add(Async<Socket>(Api.Socket, "SendToAsync", "SendToAsync(Memory, endpoint)", (s, c) => s.SendToAsync(c.Buffer.AsMemory(), SocketFlags.None, c.SendToTarget).AsTask()));
            list.Add(Apm<Socket>(Api.Socket, "BeginSendTo", "BeginSendTo/EndSendTo", (s, c) => s.BeginSendTo(c.Buffer, 0, c.Buffer.Length, SocketFlags.None, c.SendToTarget, null, null), (s, r) => s.EndSendTo(r)));

            list.Add(Sync<Socket>(Api.Socket, "ReceiveFrom", "ReceiveFrom(byte[], ref endpoint)", (s, c) =>
            {
                var from = c.AnyEndpoint;
                s.ReceiveFrom(new byte[64], ref from);
            }));
            list.Add(Async<Socket>(Api.Socket, "ReceiveFromAsync", "ReceiveFromAsync(Memory, endpoint)", (s, c) => s.ReceiveFromAsync(new byte[64].AsMemory(), SocketFlags.None, c.AnyEndpoint).AsTask()));
            list.Add(Apm<Socket>(Api.Socket, "BeginReceiveFrom", "BeginReceiveFrom/EndReceiveFrom", (s, c) =>
            {
                var from = c.AnyEndpoint;
                return s.BeginReceiveFrom(new byte[64], 0, 64, SocketFlags.None, ref from, null, null);
            }, (s, r) =>
            {
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                s.EndReceiveFrom(r, ref from);
            }));
            list.Add(Sync<Socket>(Api.Socket, "ReceiveMessageFrom", "ReceiveMessageFrom(byte[], …)", (s, c) =>
            {
                var from = c.AnyEndpoint;
                var flags = SocketFlags.None;
                s.ReceiveMessageFrom(new byte[64], 0, 64, ref flags, ref from, out _);
            }));
            list.Add(Async<Socket>(Api.Socket, "ReceiveMessageFromAsync", "ReceiveMessageFromAsync(Memory, endpoint)", (s, c) => s.ReceiveMessageFromAsync(new byte[64].AsMemory(), SocketFlags.None, c.AnyEndpoint).AsTask()));

            foreach (var how in new[] { SocketShutdown.Send, SocketShutdown.Receive, SocketShutdown.Both })
            {
                // The constant form, and the same call seen through a variable (the model's "Shutdown" operation).
                list.Add(Sync<Socket>(Api.Socket, "Shutdown", "Shutdown(SocketShutdown." + how + ")", (s, c) => s.Shutdown(how), ProtocolApiMap.ShutdownOperation((int)how)));
                list.Add(Sync<Socket>(Api.Socket, "Shutdown", "Shutdown(how) with how = " + how, (s, c) => s.Shutdown(how), ProtocolApiMap.ShutdownOperation(null)));
            }

            list.Add(Sync<Socket>(Api.Socket, "Disconnect", "Disconnect(false)", (s, c) => s.Disconnect(false)));
            list.Add(Async<Socket>(Api.Socket, "DisconnectAsync", "DisconnectAsync(false)", (s, c) => s.DisconnectAsync(false).AsTask()));
            list.Add(Apm<Socket>(Api.Socket, "BeginDisconnect", "BeginDisconnect/EndDisconnect", (s, c) => s.BeginDisconnect(false, null, null), (s, r) => s.EndDisconnect(r)));

            list.Add(Sync<Socket>(Api.Socket, "Close", "Close()", (s, c) => s.Close()));
            list.Add(Sync<Socket>(Api.Socket, "Dispose", "Dispose()", (s, c) => s.Dispose()));

            list.Add(Sync<Socket>(Api.Socket, "ExclusiveAddressUse", "ExclusiveAddressUse = true", (s, c) => s.ExclusiveAddressUse = true) with { Subject = "ExclusiveAddressUse" });
            list.Add(Sync<Socket>(Api.Socket, "DualMode", "DualMode = true", (s, c) => s.DualMode = true) with { Subject = "DualMode", NotApplicable = OnlyIPv6 });
            list.Add(Sync<Socket>(Api.Socket, "DualMode", "DualMode = false", (s, c) => s.DualMode = false) with { Subject = "DualMode", NotApplicable = OnlyIPv6 });
            AddSetSocketOption(list, SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, "ReuseAddress", NoReuseOnUnix);
            AddSetSocketOption(list, SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, "ExclusiveAddressUse", _ => null);
            // IPv6Only is DualMode inverted: the claim about DualMode covers it.
            AddSetSocketOption(list, SocketOptionLevel.IPv6, SocketOptionName.IPv6Only, "DualMode", OnlyIPv6);
            AddSetSocketOption(list, SocketOptionLevel.Socket, SocketOptionName.NoDelay, "NoDelay", _ => null);

            // new NetworkStream(socket): the operation applies to the socket argument; there is no member to map.
            list.Add(Sync<Socket>(Api.Socket, ".ctor", "new NetworkStream(socket)", (s, c) => c.Scenario.Own(new NetworkStream(s)), SocketOperation.WrapInStream));
            list.Add(Sync<Socket>(Api.Socket, ".ctor", "new NetworkStream(socket, ownsSocket: true)", (s, c) => c.Scenario.Own(new NetworkStream(s, ownsSocket: true)), SocketOperation.WrapInStream));
        }

        private static void AddSetSocketOption(List<CallVariant> list, SocketOptionLevel level, SocketOptionName name, string subject, Func<SocketKind, string?> notApplicable)
        {
            var operation = ProtocolApiMap.SetSocketOptionOperation((int)level, (int)name);
            list.Add(Sync<Socket>(Api.Socket, "SetSocketOption", $"SetSocketOption({level}, {name}, true)", (s, c) => s.SetSocketOption(level, name, true), operation) with
            {
                Subject = subject,
                NotApplicable = notApplicable,
            });
        }

        private static string? OnlyIPv6(SocketKind kind) => kind.Family == SocketFamily.IPv6
            ? null
            : "DualMode/IPv6Only exist only on IPv6 sockets: elsewhere they throw NotSupportedException or SocketException in every state (F15), which is not about order";

        private static string? NoReuseOnUnix(SocketKind kind) => kind.Family == SocketFamily.Unix
            ? "AF_UNIX has no SO_REUSEADDR/SO_REUSEPORT: the option throws OperationNotSupported in every state (ProtocolTrapTests), which is not about order"
            : null;
    }
}
