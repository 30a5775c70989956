using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// Words for messages: "closed after 'Dispose'", "bound after 'Bind' or 'Setup'", "unbound". Causes are named by the
    /// member that caused them, never by line numbers (which change on every edit; the IDE shows the locations).
    /// </summary>
    internal static class StateDescriptions
    {
        private const int MaxReceiverLength = 60;

        public static string Receiver(ProtocolStep step)
        {
            var text = step.Receiver is { IsImplicit: false } receiver ? receiver.Syntax.ToString() : "this";
            return text.Length <= MaxReceiverLength ? text : text.Substring(0, MaxReceiverLength - 1) + "…";
        }

        /// <summary>
        /// The states of <paramref name="value"/> with their causes. <paramref name="createdSocket"/> names a fresh
        /// Socket: "unbound" where binding matters, "not connected" where data does.
        /// </summary>
        public static string Describe(SocketValue value, string createdSocket = "unbound")
        {
            var builder = new StringBuilder();
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if (!value.States.Contains(state))
                {
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append(" or ");
                }

                builder.Append(Word(state, value, createdSocket));
                AppendCauses(builder, state, value);
            }

            return builder.ToString();
        }

        /// <summary>The member an operation calls, as a cause: <c>Bind</c>, <c>new TcpListener</c>, <c>using</c>.</summary>
        public static string CauseName(IOperation operation) => operation switch
        {
            IInvocationOperation { IsImplicit: true } => "using",
            IInvocationOperation invocation => invocation.TargetMethod.Name,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property.Name,
            IObjectCreationOperation creation => "new " + creation.Type?.Name,
            _ => operation.Syntax.ToString(),
        };

        private static string Word(SocketState state, SocketValue value, string createdSocket) => state switch
        {
            SocketState.Created when HasCause(value, state, creationsOnly: false) => "stopped",
            SocketState.Created => value.Api switch
            {
                SocketApi.TcpListener => "not started",
                SocketApi.TcpClient or SocketApi.UdpClient => "not connected",
                _ => createdSocket,
            },
            SocketState.Bound => "bound",
            SocketState.Listening => "listening",
            SocketState.Connected => "connected",
            SocketState.ShutdownSend => "shut down for sending",
            SocketState.ShutdownReceive => "shut down for receiving",
            SocketState.ShutdownBoth => "shut down",
            _ => "closed",
        };

        private static void AppendCauses(StringBuilder builder, SocketState state, SocketValue value)
        {
            var named = new System.Collections.Generic.List<string>();
            foreach (var cause in value.Causes)
            {
                if (cause.State != state || (cause.Operation is IObjectCreationOperation && state == SocketState.Created))
                {
                    continue;
                }

                var name = CauseName(cause.Operation);
                if (named.Contains(name))
                {
                    continue;
                }

                builder.Append(named.Count == 0 ? " after '" : " or '").Append(name).Append('\'');
                named.Add(name);
            }
        }

        private static bool HasCause(SocketValue value, SocketState state, bool creationsOnly)
        {
            foreach (var cause in value.Causes)
            {
                if (cause.State == state && (cause.Operation is IObjectCreationOperation) == creationsOnly)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
