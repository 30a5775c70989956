using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Tests.Flow
{
    /// <summary>
    /// The text scan behind the handler index must never count fewer words than there are identifiers of a name: what
    /// it cannot read as a plain word (escapes, formatting characters) it counts as irregular, which may be any name.
    /// </summary>
    public sealed class SourceWordsTests
    {
        private static readonly string[] Names = { "Handle", "Serve" };

        private static (int Handle, int Serve, int Irregular) Scan(string text)
        {
            var words = new SourceWords(Names).Scan(SourceText.From(text));
            return (Count(words.Counts, 0), Count(words.Counts, 1), words.Irregular);
        }

        private static int Count(Dictionary<int, int> counts, int name) => counts.TryGetValue(name, out var count) ? count : 0;

        [Fact]
        public void WholeWordsOnly()
        {
            Assert.Equal((2, 1, 0), Scan("void Handle(Socket s) { Handle(s); Serve(); HandleAll(); MyHandle(); Handle_(); }"));
        }

        [Fact]
        public void CommentsStringsAndVerbatimIdentifiersCount()
        {
            // An upper bound: a word in a comment or a string is counted, and `@Handle` is the identifier Handle.
            Assert.Equal((3, 0, 0), Scan("// Handle it\nvar t = \"Handle\"; @Handle(s);"));
        }

        [Fact]
        public void NumberRunningIntoAName_CountsTheName()
        {
            // `1Handle` lexes as the literal 1 then the identifier Handle.
            Assert.Equal((1, 0, 0), Scan("x = 1Handle;"));
        }

        [Fact]
        public void UnicodeEscape_IsIrregular()
        {
            // `H\u0061ndle` is the identifier Handle: the scan cannot tell, so it counts one irregular spelling.
            Assert.Equal((0, 0, 1), Scan(@"H\u0061ndle(s);"));
        }

        [Fact]
        public void FormattingCharacterInAWord_IsIrregular()
        {
            // A soft hyphen inside an identifier is left out of its value: Han­dle is Handle.
            Assert.Equal((0, 0, 1), Scan("Han\u00ADdle(s);"));
        }

        [Fact]
        public void NonAsciiLetters_ArePartOfTheWord()
        {
            Assert.Equal((0, 1, 0), Scan("Handleé(); Serve();"));
        }

        [Fact]
        public void LongTextsAreScannedWhole()
        {
            var text = new string(' ', 100_000) + "Serve();";
            Assert.Equal((0, 1, 0), Scan(text));
        }
    }
}
