using System;
using System.Threading.Tasks;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// One concrete call of a member that <see cref="ProtocolApiMap"/> knows (one overload, with arguments from a
    /// <see cref="CallContext"/>), and the operation the model says it performs.
    /// </summary>
    internal sealed record CallVariant
    {
        public CallVariant(SocketApi api, string member, SocketOperation operation, string label, CallShape shape)
        {
            this.Api = api;
            this.Member = member;
            this.Operation = operation;
            this.Label = label;
            this.Shape = shape;
        }

        public SocketApi Api { get; }

        /// <summary>The member name as in <see cref="ProtocolApiMap.Members"/> (".ctor" for <c>new NetworkStream(socket)</c>).</summary>
        public string Member { get; }

        public SocketOperation Operation { get; }

        /// <summary>What the call looks like, e.g. <c>Shutdown(SocketShutdown.Send)</c>.</summary>
        public string Label { get; }

        public CallShape Shape { get; }

        /// <summary>The option or property the call is about, for claims that differ per option ("DualMode").</summary>
        public string? Subject { get; init; }

        public Action<object, CallContext>? Sync { get; init; }

        public Func<object, CallContext, Task>? Async { get; init; }

        public Func<object, CallContext, IAsyncResult>? Begin { get; init; }

        public Action<object, IAsyncResult>? End { get; init; }

        /// <summary>Why the call makes no sense on a socket of this kind (then it is skipped, with the reason), or null.</summary>
        public Func<SocketKind, string?> NotApplicable { get; init; } = _ => null;

        public override string ToString() => this.Api + "." + this.Label;
    }
}
