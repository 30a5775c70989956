namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>One parameter of an intercepted method: modifier ("", "ref ", "out ", "in "), fully qualified type, name.</summary>
    internal sealed record ParameterModel(string Modifier, string Type, string Name);
}
