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
    }
}
