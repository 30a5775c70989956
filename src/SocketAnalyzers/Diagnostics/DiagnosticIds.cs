namespace SocketAnalyzers.Diagnostics
{
    /// <summary>
    /// The public diagnostic IDs: a contract with users (suppressions, .editorconfig), never renumbered or reused.
    /// Ranges per category: 1xx protocol, 2xx lifetime, 3xx performance, 4xx reliability.
    /// No Roslyn types here: the runtime verifier compiles this file too.
    /// </summary>
    public static class DiagnosticIds
    {
        public const string ListenOnDatagramSocket = "SOCK101";
        public const string AcceptOnNonListeningSocket = "SOCK102";
        public const string ListenOnUnboundSocket = "SOCK103";
        public const string ConnectListenConflict = "SOCK104";
        public const string SendReceiveOnUnconnectedSocket = "SOCK105";
        public const string UseAfterClose = "SOCK106";
        public const string BindOnBoundSocket = "SOCK107";
        public const string PreBindOptionTooLate = "SOCK108";
        public const string InvalidSocketConstructorArguments = "SOCK109";
        public const string TcpListenerAcceptWhenNotStarted = "SOCK110";
        public const string StreamOnUnconnectedSocket = "SOCK111";

        public const string SocketNotDisposed = "SOCK201";
        public const string SocketLeakedOnException = "SOCK202";
        public const string AcceptedSocketNotDisposed = "SOCK203";
        public const string SocketFieldNotDisposed = "SOCK204";
        public const string DisposedSocketEscapes = "SOCK205";

        public const string BlockingCallInAsyncCode = "SOCK301";
        public const string SyncOverAsyncSocketWait = "SOCK302";
        public const string BlockingCallInHotPath = "SOCK303";

        public const string ReceiveResultIgnored = "SOCK401";
        public const string ReceiveLoopIgnoresEndOfStream = "SOCK402";

        /// <summary>A bad value in .editorconfig or an MSBuild property: reported once, naming the key.</summary>
        public const string InvalidConfiguration = "SOCK001";
    }
}
