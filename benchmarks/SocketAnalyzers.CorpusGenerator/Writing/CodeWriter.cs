using System.Text;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>
/// Appends indented lines to one file's text and counts them as it goes, so a writer can stop at a line budget
/// without re-scanning the text (generation stays linear in the output size).
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public int LineCount { get; private set; }

    public CodeWriter Line(string line)
    {
        if (line.Length > 0)
        {
            this.text.Append(' ', this.depth * 4);
        }

        this.text.Append(line).Append('\n');
        this.LineCount++;
        return this;
    }

    public CodeWriter Blank() => this.Line(string.Empty);

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents what follows.</summary>
    public CodeWriter Open(string header)
    {
        this.Line(header);
        this.Line("{");
        this.depth++;
        return this;
    }

    /// <summary>Closes the innermost brace; <paramref name="suffix"/> follows it (e.g. <c>;</c> or <c>);</c>).</summary>
    public CodeWriter Close(string suffix = "")
    {
        this.depth--;
        this.Line("}" + suffix);
        return this;
    }

    public void Indent() => this.depth++;

    public void Outdent() => this.depth--;

    public override string ToString() => this.text.ToString();
}
