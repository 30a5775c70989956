namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// How many sockets are watched for leaks (configuration key <c>SocketAnalyzers.RuntimeVerifier.LeakDetection</c>),
    /// after Netty's ResourceLeakDetector levels.
    /// </summary>
    public enum LeakDetectionLevel
    {
        /// <summary>No leak detection.</summary>
        Off = 0,

        /// <summary>One socket in <see cref="VerifierOptions.LeakSampleInterval"/> is watched.</summary>
        Sampled,

        /// <summary>Every socket is watched, and the stack where the verifier first saw it is captured.</summary>
        Full,
    }
}
