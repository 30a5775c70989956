namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// Where an object came from, as far as the verifier knows. C# interceptors cannot intercept constructors, so the
    /// origin is, in order of precision: the <c>new</c> expression that initialised the receiver's variable (found by
    /// the generator), the Accept call that returned it, or the first call the verifier saw on it.
    /// </summary>
    /// <param name="How">"created", "accepted" or "first seen".</param>
    /// <param name="Location">The source position.</param>
    /// <param name="Member">The member called there (Accept, Bind…), or null for a constructor.</param>
    /// <param name="StackTrace">At <see cref="LeakDetectionLevel.Full"/>, the stack where the verifier first saw the object.</param>
    public sealed record CreationInfo(string How, SourceLocation Location, string? Member, string? StackTrace)
    {
        public override string ToString() => this.Member is null
            ? this.How + " at " + this.Location
            : this.How + " at " + this.Location + " (" + this.Member + ")";
    }
}
