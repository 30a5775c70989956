namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>A C# source the fuzzer starts from, and where it came from (a file, or a file and a line).</summary>
    internal sealed record Sample(string Origin, string Text);
}
