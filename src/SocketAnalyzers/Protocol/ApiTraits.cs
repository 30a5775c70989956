using System;

namespace SocketAnalyzers.Protocol
{
    /// <summary>What else a member does, beyond its protocol operation: for the hot-path and data rules.</summary>
    [Flags]
    public enum ApiTraits
    {
        None = 0,

        /// <summary>Blocks the calling thread, and an asynchronous counterpart exists.</summary>
        Blocking = 1,

        /// <summary>Returns a task (or begins an asynchronous operation).</summary>
        Async = 2,

        /// <summary>The result says how many bytes arrived: ignoring it assumes the buffer was filled.</summary>
        ReturnsReceivedCount = 4,

        /// <summary>Returns a new connected object that the caller owns (Accept*).</summary>
        ReturnsAccepted = 8,

        /// <summary>
        /// Its ValueTask-returning overloads hand out the socket's reusable event args as the ValueTask's source:
        /// <c>.Result</c> or <c>.GetAwaiter().GetResult()</c> on it while the operation is pending does not wait, it
        /// returns a default result at once (measured on .NET 10, Linux: Accept gives null, Receive and Send give 0),
        /// and the operation stays pending.
        /// </summary>
        PendingValueTaskReturnsDefault = 16,
    }
}
