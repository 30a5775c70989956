using System.Net;
using System.Net.Sockets;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// The SOCK108 ReuseAddress claim: set after Bind it throws nothing and the socket keeps its endpoint, yet a
    /// second socket that sets ReuseAddress first can now bind (and listen on) the same endpoint. The same probe
    /// against a twin socket without the late option is reported beside it, to show what the late option changed.
    /// </summary>
    internal static class LateReuseAddress
    {
        public static (string Seen, string? Failure) Check(CallVariant variant, Socket socket, CallContext context, SocketState state)
        {
            var before = socket.LocalEndPoint;
            var seen = CallRunner.Run(variant, socket, context, CallRunner.Window);
            if (seen.Kind != ObservationKind.Completed)
            {
                return (seen.ToString(), "expected the call to throw nothing");
            }

            if (!Equals(before, socket.LocalEndPoint))
            {
                return (seen.ToString(), $"the socket moved from {before} to {socket.LocalEndPoint}");
            }

            var probe = Probe(context, socket.LocalEndPoint!, state);
            var control = Control(context, state);
            var report = $"{seen}; second ReuseAddress socket on the same endpoint: {probe ?? "bound"} (without the late option: {control ?? "bound"})";
            return (report, probe is null ? null : "expected the second socket to share the endpoint");
        }

        private static string? Control(CallContext context, SocketState state)
        {
            var twin = context.Scenario.NewSocket(context.Kind);
            twin.Bind(context.FreshBindEndpoint);
            if (state == SocketState.Listening)
            {
                twin.Listen();
            }

            return Probe(context, twin.LocalEndPoint!, state);
        }

        /// <summary>Null when a new socket with ReuseAddress binds <paramref name="endpoint"/> (and listens, for a listener).</summary>
        private static string? Probe(CallContext context, EndPoint endpoint, SocketState state)
        {
            var second = context.Scenario.NewSocket(context.Kind);
            second.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                second.Bind(endpoint);
                if (state == SocketState.Listening)
                {
                    second.Listen();
                }

                return null;
            }
            catch (SocketException exception)
            {
                return "SocketException (" + exception.SocketErrorCode + ")";
            }
        }
    }
}
