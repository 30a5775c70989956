using System;
using System.Net.Sockets;

namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>One exception a claim allows: its exact type, the SocketError for a SocketException, message fragments.</summary>
    internal sealed class ExpectedException
    {
        public ExpectedException(Type type, SocketError? error, string[] messageFragments, string? subject)
        {
            this.Type = type;
            this.Error = error;
            this.MessageFragments = messageFragments;
            this.Subject = subject;
        }

        /// <summary>The exact type: ObjectDisposedException derives from InvalidOperationException, so "is" would lie.</summary>
        public Type Type { get; }

        public SocketError? Error { get; }

        /// <summary>Fragments the message must contain (case-insensitive), e.g. "broken pipe".</summary>
        public string[] MessageFragments { get; }

        /// <summary>The member this alternative is about ("ExclusiveAddressUse"), when a claim lists several.</summary>
        public string? Subject { get; }

        /// <summary>Why <paramref name="exception"/> does not fit, or <see langword="null"/> when it does.</summary>
        public string? Mismatch(Exception exception)
        {
            if (exception.GetType() != this.Type)
            {
                return $"expected {this.Type.Name} but got {Describe(exception)}";
            }

            if (this.Error is { } error && ((SocketException)exception).SocketErrorCode != error)
            {
                return $"expected SocketError.{error} but got {Describe(exception)}";
            }

            foreach (var fragment in this.MessageFragments)
            {
                if (exception.Message.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    return $"expected a message containing \"{fragment}\" but got {Describe(exception)}";
                }
            }

            return null;
        }

        public static string Describe(Exception exception) => exception is SocketException socketException
            ? $"SocketException ({socketException.SocketErrorCode}) \"{exception.Message}\""
            : $"{exception.GetType().Name} \"{exception.Message}\"";
    }
}
