using System.Text.RegularExpressions;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Removes the span markup of Microsoft.CodeAnalysis.Testing from test sources: <c>{|#0:…|}</c>,
    /// <c>{|SOCK201:…|}</c>, <c>[|…|]</c>. What remains is the C# the compiler sees in that test.
    /// </summary>
    internal static class TestMarkup
    {
        private static readonly Regex OpenNamedSpan = new(@"\{\|[^:{}|\s]*:", RegexOptions.CultureInvariant);

        public static string Strip(string text) => OpenNamedSpan.Replace(text, string.Empty)
            .Replace("|}", string.Empty, System.StringComparison.Ordinal)
            .Replace("[|", string.Empty, System.StringComparison.Ordinal)
            .Replace("|]", string.Empty, System.StringComparison.Ordinal);
    }
}
