using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// A blocking call found by <see cref="BlockingSocketCall"/>: a socket member of the protocol map, or a reader,
    /// writer or stream wrapped around a network stream.
    /// </summary>
    internal readonly struct BlockingCall
    {
        public BlockingCall(string display, string counterpart, SocketOperation operation, bool isNameLookup, bool fixable = true)
        {
            this.Display = display;
            this.Counterpart = counterpart;
            this.Operation = operation;
            this.IsNameLookup = isNameLookup;
            this.Fixable = fixable;
        }

        /// <summary>How the member is named in messages: <c>Socket.Receive</c>, <c>StreamReader.ReadLine</c>.</summary>
        public string Display { get; }

        /// <summary>The task-based member to await instead.</summary>
        public string Counterpart { get; }

        /// <summary>What the call does on the wire: Receive for reads, Send for writes, Accept, Connect, ….</summary>
        public SocketOperation Operation { get; }

        /// <summary>
        /// The counterpart is a member of the same receiver to await in the call's place (the code fix); false when it is
        /// advice only (a BinaryReader has no async reads: read the stream with <c>ReadExactlyAsync</c> and decode).
        /// </summary>
        public bool Fixable { get; }

        /// <summary>A Dns lookup: reported in async code only on the connection path.</summary>
        public bool IsNameLookup { get; }

        public static BlockingCall Of(ProtocolMember member) =>
            new BlockingCall(member.Api + "." + member.Name, member.AsyncCounterpart ?? member.Name + "Async", member.Operation, member.Api == SocketApi.Dns);
    }
}
