using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// One protocol operation the analysis reached, with what it knew just before: the unit the protocol rules
    /// check (<c>ProtocolTable.FindViolation(Api, Operation, Before.States, Before.Kind)</c>).
    /// </summary>
    public sealed class ProtocolStep
    {
        internal ProtocolStep(IOperation operation, ProtocolMember? member, SyntaxNode? memberName, string memberDisplay, SocketOperation socketOperation, IOperation? receiver, PointsTo objects, SocketValue? before)
        {
            this.Member = member;
            this.Operation = operation;
            this.MemberName = memberName;
            this.MemberDisplay = memberDisplay;
            this.SocketOperation = socketOperation;
            this.Receiver = receiver;
            this.Objects = objects;
            this.Before = before;
        }

        /// <summary>The invocation, property assignment or object creation.</summary>
        public IOperation Operation { get; }

        /// <summary>
        /// The protocol member called, with its traits (Blocking, Async, ReturnsReceivedCount, …) for the hot-path and
        /// data rules; <see langword="null"/> for Dispose through IDisposable and for <c>new NetworkStream</c>.
        /// </summary>
        public ProtocolMember? Member { get; }

        /// <summary>The member's name in source (<c>Listen</c> of <c>s.Listen()</c>): the smallest honest span.</summary>
        public SyntaxNode? MemberName { get; }

        /// <summary>The member as a message names it: <c>Listen</c>, <c>ExclusiveAddressUse</c>, <c>new NetworkStream</c>.</summary>
        public string MemberDisplay { get; }

        /// <summary>The operation, refined from constant arguments (Shutdown direction, option name, UdpClient.Send form).</summary>
        public SocketOperation SocketOperation { get; }

        /// <summary>The expression the operation applies to (the receiver, or the socket argument of <c>new NetworkStream</c>).</summary>
        public IOperation? Receiver { get; }

        /// <summary>The tracked objects the receiver may be, and whether it may be something untracked.</summary>
        public PointsTo Objects { get; }

        /// <summary>
        /// The join of the values of <see cref="Objects"/> before the operation; <see langword="null"/> when the
        /// receiver may be untracked or is no object: then nothing is known and no rule reports.
        /// </summary>
        public SocketValue? Before { get; }

        /// <summary>
        /// A call of a socket owner's own method that does network I/O (<see cref="SocketOwningTypes"/>): no protocol
        /// operation, but one that can fail from outside the program.
        /// </summary>
        public bool IsOwnerCall { get; internal set; }

        /// <summary>The API the operation belongs to: that of the receiver's value.</summary>
        public SocketApi? Api => this.Before?.Api;
    }
}
