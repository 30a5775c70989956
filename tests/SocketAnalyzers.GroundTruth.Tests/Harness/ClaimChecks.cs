using System;
using System.Net;
using System.Net.Sockets;
using SocketAnalyzers.GroundTruth.Tests.Claims;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>Checks one claim against one call on one live object; returns what was seen and the mismatch, if any.</summary>
    internal static class ClaimChecks
    {
        public static (string Seen, string? Failure) Check(OutcomeClaim claim, CallVariant variant, object target, CallContext context, SocketState state, StateRoute route)
        {
            if (claim is SelectiveClaim selective)
            {
                claim = selective.For(variant.Member, context.Kind, route.NeverBound);
            }

            switch (claim)
            {
                case ThrowsClaim throws:
                    {
                        var expected = throws.For(variant.Subject);
                        var seen = CallRunner.Run(variant, target, context, CallRunner.Window);
                        if (expected is null)
                        {
                            return (seen.ToString(), $"the claim lists alternatives but none names {variant.Subject ?? variant.Member}");
                        }

                        return (seen.ToString(), seen.Exception is { } exception ? expected.Mismatch(exception) : $"expected an exception, but the call {seen.How}");
                    }

                case BlocksClaim:
                    {
                        var socket = SocketOf(target);
                        socket.ReceiveTimeout = 300;
                        var seen = CallRunner.Run(variant, target, context, TimeSpan.FromSeconds(2));
                        if (variant.Shape == CallShape.Sync)
                        {
                            var timedOut = seen.Exception is SocketException { SocketErrorCode: SocketError.TimedOut };
                            return (seen.ToString(), timedOut ? null : "expected SocketException (TimedOut) after ReceiveTimeout");
                        }

                        return (seen.ToString(), seen.Kind == ObservationKind.Pending ? null : "expected the operation to stay pending");
                    }

                case CompletesClaim:
                    {
                        var seen = CallRunner.Run(variant, target, context, CallRunner.Window);
                        return (seen.ToString(), seen.Kind == ObservationKind.Completed ? null : "expected the call to complete");
                    }

                case ListenAutoBindsClaim autoBind:
                    return ListenAutoBinds.Check(autoBind, variant, (Socket)target, context);

                case LateReuseAddressClaim:
                    return LateReuseAddress.Check(variant, (Socket)target, context, state);

                default:
                    return (string.Empty, "no check for " + claim.GetType().Name);
            }
        }

        public static Socket SocketOf(object target) => target switch
        {
            Socket socket => socket,
            UdpClient udp => udp.Client,
            TcpClient tcp => tcp.Client,
            _ => throw new ArgumentException("no socket in " + target.GetType().Name),
        };

        /// <summary>The kernel's view of a socket's local address (getsockname), which .NET does not refresh after an implicit bind.</summary>
        public static IPEndPoint? KernelLocalEndPoint(Socket socket)
        {
            var buffer = new byte[128];
            var length = buffer.Length;
            if (NativeMethods.getsockname((int)socket.SafeHandle.DangerousGetHandle(), buffer, ref length) != 0)
            {
                return null;
            }

            var family = BitConverter.ToUInt16(buffer, 0);
            var port = (buffer[2] << 8) | buffer[3];
            return family switch
            {
                2 => new IPEndPoint(new IPAddress(buffer.AsSpan(4, 4)), port),
                10 => new IPEndPoint(new IPAddress(buffer.AsSpan(8, 16)), port),
                _ => null,
            };
        }
    }
}
