namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>A position in a source file, 1-based.</summary>
    public sealed record SourceLocation(string File, int Line, int Column)
    {
        public override string ToString() => this.File + "(" + this.Line + "," + this.Column + ")";
    }
}
