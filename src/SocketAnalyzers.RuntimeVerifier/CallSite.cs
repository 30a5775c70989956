using System;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// One call site in the user's code, baked into the generated interceptor as a static constant: reports name
    /// the file, line and column without walking the stack. The operation comes from <see cref="ProtocolApiMap"/>.
    /// </summary>
    public sealed class CallSite
    {
        public CallSite(
            string file,
            int line,
            int column,
            SocketApi api,
            string member,
            CallSiteOptions options = CallSiteOptions.None,
            string? creationFile = null,
            int creationLine = 0,
            int creationColumn = 0,
            string? creationMember = null)
        {
            this.File = file ?? throw new ArgumentNullException(nameof(file));
            this.Line = line;
            this.Column = column;
            this.Api = api;
            this.Member = member ?? throw new ArgumentNullException(nameof(member));
            this.Options = options;
            var known = ProtocolApiMap.Find(api, member);
            this.Operation = known is null
                ? SocketOperation.None
                : api == SocketApi.UdpClient && known.Operation == SocketOperation.Send
                    ? ProtocolApiMap.UdpSendOperation((options & CallSiteOptions.ExplicitDestination) != 0)
                    : known.Operation;
            this.IsAsync = known is not null && known.Has(ApiTraits.Async);
            if (creationLine > 0)
            {
                this.Creation = new SourceLocation(creationFile ?? file, creationLine, creationColumn);
                this.CreationMember = creationMember;
            }
        }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }

        public SocketApi Api { get; }

        public string Member { get; }

        public CallSiteOptions Options { get; }

        /// <summary>The protocol operation, before refinement from arguments (Shutdown, SetSocketOption).</summary>
        public SocketOperation Operation { get; }

        /// <summary>The member returns before the operation completes (Task, ValueTask, Begin*).</summary>
        public bool IsAsync { get; }

        /// <summary>
        /// Where the receiver's variable was initialised, with <c>new</c> or by a call that returned it (a factory of
        /// the program, an accept the verifier could not observe), when the generator could tell.
        /// </summary>
        public SourceLocation? Creation { get; }

        /// <summary>The method whose call returned the receiver (<c>Sockets.Tcp</c>), or null when it was a <c>new</c>.</summary>
        public string? CreationMember { get; }

        /// <summary><c>Program.cs(12,9)</c>, the compiler's own format, which IDEs and CI logs turn into links.</summary>
        public override string ToString() => this.File + "(" + this.Line + "," + this.Column + ")";
    }
}
