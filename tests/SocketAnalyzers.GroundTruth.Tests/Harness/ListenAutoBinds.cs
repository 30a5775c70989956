using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketAnalyzers.GroundTruth.Tests.Claims;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// The SOCK103 claim (A1, A7): Listen on an unbound IP stream socket succeeds, the kernel picks the wildcard
    /// address and an ephemeral port (a loopback client can connect), and every Accept member then throws; on a Unix
    /// socket Listen throws. The wildcard listener lives for a few milliseconds and accepts nothing.
    /// </summary>
    internal static class ListenAutoBinds
    {
        public static (string Seen, string? Failure) Check(ListenAutoBindsClaim claim, CallVariant variant, Socket socket, CallContext context)
        {
            var seen = CallRunner.Run(variant, socket, context, CallRunner.Window);
            if (context.Kind.Family == SocketFamily.Unix)
            {
                var ok = claim.ThrowsOnUnix ? seen.Kind == ObservationKind.Threw : seen.Kind == ObservationKind.Completed;
                return (seen.ToString(), ok ? null : $"on a Unix socket the claim says {(claim.ThrowsOnUnix ? "it throws" : "it completes")}");
            }

            if (seen.Kind != ObservationKind.Completed)
            {
                return (seen.ToString(), "expected the call to succeed");
            }

            var report = new StringBuilder(seen.ToString());
            var local = ClaimChecks.KernelLocalEndPoint(socket);
            report.Append("; kernel local endpoint ").Append(local);
            var wildcard = context.Kind.Family == SocketFamily.IPv6 ? IPAddress.IPv6Any : IPAddress.Any;
            if (local is null || !local.Address.Equals(wildcard) || local.Port == 0)
            {
                return (report.ToString(), "expected the kernel to bind the wildcard address on an ephemeral port");
            }

            var client = context.Scenario.NewSocket(context.Kind);
            client.Connect(new IPEndPoint(Scenario.LoopbackOf(context.Kind.Family), local.Port));
            report.Append("; loopback client connected");

            var later = Enum.Parse<SocketOperation>(claim.LaterOperation);
            var count = 0;
            foreach (var follow in CallVariants.For(SocketApi.Socket, later))
            {
                count++;
                var after = CallRunner.Run(follow, socket, context, CallRunner.Window);
                report.Append("; then ").Append(follow.Label).Append(": ").Append(after);
                var mismatch = after.Exception is { } exception ? claim.LaterException.Mismatch(exception) : "expected " + claim.LaterException.Type.Name;
                if (mismatch is not null)
                {
                    return (report.ToString(), follow.Label + ": " + mismatch);
                }
            }

            return (report.ToString(), count == 0 ? "no member performs " + later : null);
        }
    }
}
