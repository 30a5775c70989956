using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>A diagnostic of a tool, reduced to what the scoring matches and what a reviewer reads.</summary>
    /// <param name="File">The path relative to the scored folder, as the compilation's tree names it.</param>
    /// <param name="Line">The 1-based line the diagnostic starts on.</param>
    internal sealed record Finding(string Tool, string Rule, string File, int Line, int Column, string Message)
    {
        public static Finding From(string tool, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return new Finding(
                tool,
                diagnostic.Id,
                span.Path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        public override string ToString() => this.File + ":" + this.Line + " " + this.Rule + " " + this.Message;
    }
}
