namespace SocketAnalyzers.CorpusGenerator;

/// <summary>One generated C# source file.</summary>
/// <param name="Path">Relative path with forward slashes, e.g. <c>Servers/EchoServer0042.cs</c>.</param>
/// <param name="Text">The file's text; lines end with <c>\n</c>.</param>
public sealed record GeneratedFile(string Path, string Text);
