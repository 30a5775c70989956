namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>The MSBuild properties the generator reads: whether it is on, and the project folder for relative paths.</summary>
    internal sealed record GeneratorSettings(bool Enabled, string? ProjectDirectory);
}
