namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>The text after one mutation and a description precise enough to redo it by hand.</summary>
    internal sealed record AppliedMutation(string Description, string Text);
}
