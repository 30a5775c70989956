using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>What a call is to the receive rules: a receive of the socket API, or a helper of the compilation that receives.</summary>
    internal readonly struct ReceiveSite
    {
        private ReceiveSite(IInvocationOperation call, ProtocolMember? member, ReceiveSiteKind kind)
        {
            this.Call = call;
            this.Member = member;
            this.Kind = kind;
        }

        public IInvocationOperation Call { get; }

        /// <summary>The socket API member, or null for a helper of the compilation.</summary>
        public ProtocolMember? Member { get; }

        public ReceiveSiteKind Kind { get; }

        /// <summary>Stands for null as an end-of-stream value: what ReadLine returns at the end of the stream.</summary>
        public const int NullEnd = int.MinValue;

        /// <summary>The value the call returns at the end of the stream: -1 for ReadByte, null (<see cref="NullEnd"/>) for ReadLine, 0 for every count.</summary>
        public int EndOfStreamValue => this.Kind switch
        {
            ReceiveSiteKind.ReadByte => -1,
            ReceiveSiteKind.Line => NullEnd,
            _ => 0,
        };

        /// <summary>Whether the call returns a value that tells the end of the stream (a count, or ReadByte's -1).</summary>
        public bool HasResult => this.Kind != ReceiveSiteKind.SilentHelper;

        /// <summary>How the call is named in messages: <c>Socket.Receive</c>, or <c>Client.ReadSome</c> for a helper.</summary>
        public string Display => this.Member is { } member
            ? BlockingSocketCall.Display(member)
            : this.Call.TargetMethod.ContainingType.Name + "." + this.Call.TargetMethod.Name;

        /// <summary>The name of the called member (<c>Receive</c> in <c>s.Receive(b)</c>, <c>ReadSome</c> in <c>ReadSome(s, b)</c>).</summary>
        public Location NameLocation => this.Call.Syntax is InvocationExpressionSyntax { Expression: SimpleNameSyntax name }
            ? name.Identifier.GetLocation()
            : BlockingSocketCall.NameLocation(this.Call);

        public static ReceiveSite Api(IInvocationOperation call, ProtocolMember member, bool readsOneByte) =>
            new(call, member, readsOneByte ? ReceiveSiteKind.ReadByte : ReceiveSiteKind.Count);

        /// <summary>A text reader's read over a network stream: a line, a char (-1 at the end) or a char count.</summary>
        public static ReceiveSite Reader(IInvocationOperation call, ReceiveSiteKind kind) => new(call, null, kind);

        public static ReceiveSite Helper(IInvocationOperation call, bool returnsCount) =>
            new(call, null, returnsCount ? ReceiveSiteKind.CountHelper : ReceiveSiteKind.SilentHelper);
    }

    internal enum ReceiveSiteKind
    {
        /// <summary>A receive that returns a byte count (Socket.Receive, NetworkStream.Read…).</summary>
        Count,

        /// <summary>ReadByte: a byte, or -1 at the end of the stream.</summary>
        ReadByte,

        /// <summary>A text reader's ReadLine over a network stream: a line, or null at the end of the stream.</summary>
        Line,

        /// <summary>A helper of the compilation that returns what its receives returned (or their sum).</summary>
        CountHelper,

        /// <summary>A helper of the compilation that receives and returns normally after a 0-byte read, telling no one.</summary>
        SilentHelper,
    }
}
