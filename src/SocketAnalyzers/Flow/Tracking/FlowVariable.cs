using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// A storage place the analysis follows: a local, a parameter, a field or property of <c>this</c> (or a static
    /// one), or a flow capture the CFG introduced for <c>?:</c>, <c>??</c>, <c>?.</c> and <c>using</c>.
    /// </summary>
    public readonly struct FlowVariable : IEquatable<FlowVariable>
    {
        private readonly ISymbol? symbol;
        private readonly CaptureId capture;

        private FlowVariable(ISymbol? symbol, CaptureId capture)
        {
            this.symbol = symbol;
            this.capture = capture;
        }

        /// <summary>The local, parameter, field or property; <see langword="null"/> for a flow capture.</summary>
        public ISymbol? Symbol => this.symbol;

        public bool IsMember => this.symbol is IFieldSymbol or IPropertySymbol;

        public static FlowVariable Of(ISymbol symbol) => new FlowVariable(symbol, default);

        public static FlowVariable Of(CaptureId capture) => new FlowVariable(null, capture);

        public bool Equals(FlowVariable other) => this.symbol is null
            ? other.symbol is null && this.capture.Equals(other.capture)
            : SymbolEqualityComparer.Default.Equals(this.symbol, other.symbol);

        public override bool Equals(object? obj) => obj is FlowVariable other && this.Equals(other);

        public override int GetHashCode() => this.symbol is null
            ? this.capture.GetHashCode()
            : SymbolEqualityComparer.Default.GetHashCode(this.symbol);

        public override string ToString() => this.symbol?.Name ?? "capture";
    }
}
