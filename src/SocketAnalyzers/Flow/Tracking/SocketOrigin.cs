using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The one place a tracked object comes from (allocation-site abstraction: every execution of a creation
    /// is the same abstract object). Its id indexes the flow state.
    /// </summary>
    public sealed class SocketOrigin
    {
        internal SocketOrigin(int id, SocketOriginKind kind, IOperation? operation, ISymbol? symbol)
        {
            this.Id = id;
            this.Kind = kind;
            this.Operation = operation;
            this.Symbol = symbol;
        }

        /// <summary>The object's index in the flow state, below <see cref="FlowBudget.MaxTrackedObjects"/>.</summary>
        public int Id { get; }

        public SocketOriginKind Kind { get; }

        /// <summary>The creating operation (creation, accept or call); <see langword="null"/> for parameters and members.</summary>
        public IOperation? Operation { get; }

        /// <summary>The parameter, field or property, when the object comes from one.</summary>
        public ISymbol? Symbol { get; }

        /// <summary>
        /// For a stream from <c>TcpClient.GetStream()</c> or the socket of <c>Client</c>/<c>Server</c>: the id of the
        /// wrapper it came from, when that was one object (disposing the stream closes the client, J7). Else null.
        /// </summary>
        public int? WrappedBy { get; internal set; }

        /// <summary>
        /// The program's own socket owner this object is, or was handed to (<c>new Entry(client)</c>): messages name it.
        /// </summary>
        public ITypeSymbol? OwningWrapper { get; internal set; }

        /// <summary>Where to point a reader to: the creating operation, or the symbol's declaration.</summary>
        public Location? Location => this.Operation?.Syntax.GetLocation()
            ?? (this.Symbol is { Locations.Length: > 0 } symbol ? symbol.Locations[0] : null);
    }
}
