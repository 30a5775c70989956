using SocketAnalyzers.Options;

namespace SocketAnalyzers.Tests.Options
{
    public sealed class SocketAnalyzerOptionsTests
    {
        [Fact]
        public void All_ListsEveryDeclaredKeyOnceInOrder()
        {
            var keys = new System.Collections.Generic.List<string>();
            foreach (var option in SocketAnalyzerOptions.All)
            {
                Assert.StartsWith(SocketAnalyzerOption.Prefix, option.Key);
                keys.Add(option.Key);
            }

            Assert.Contains("socket_analyzers.hot_path_attributes", keys);
            Assert.Contains("socket_analyzers.hot_path_methods", keys);
            var sorted = new System.Collections.Generic.List<string>(keys);
            sorted.Sort(string.CompareOrdinal);
            Assert.Equal(sorted, keys);
            Assert.Equal(keys.Count, new System.Collections.Generic.HashSet<string>(keys).Count);
        }

        [Theory]
        [InlineData("", new string[0])]
        [InlineData(" A.B , ,C ", new[] { "A.B", "C" })]
        [InlineData("Generic`1.M, _x.y2", new[] { "Generic`1.M", "_x.y2" })]
        public void NameList_ReadsNames(string raw, string[] expected)
        {
            Assert.True(SocketAnalyzerOptions.HotPathMethods.TryParse(raw, out var names, out var reason));
            Assert.Equal(expected, names);
            Assert.Equal(string.Empty, reason);
        }

        [Theory]
        [InlineData("A.")]
        [InlineData(".A")]
        [InlineData("A B")]
        [InlineData("A;B")]
        [InlineData("9A")]
        public void NameList_RejectsNonNames(string raw)
        {
            Assert.False(SocketAnalyzerOptions.HotPathMethods.TryParse(raw, out var names, out var reason));
            Assert.True(names.IsEmpty);
            Assert.Contains(raw.Trim(), reason);
        }

        [Theory]
        [InlineData("strict", "strict")]
        [InlineData(" RELAXED ", "relaxed")]
        public void Choice_IsCaseInsensitive(string raw, string expected)
        {
            var option = new ChoiceOption("strictness", "test", "strict", "strict", "relaxed");
            Assert.True(option.TryParse(raw, out var value, out _));
            Assert.Equal(expected, value);
            Assert.Equal("socket_analyzers.strictness", option.Key);
        }

        [Fact]
        public void Choice_RejectsOtherWords()
        {
            var option = new ChoiceOption("strictness", "test", "strict", "strict", "relaxed");
            Assert.False(option.TryParse("loose", out var value, out var reason));
            Assert.Equal("strict", value);
            Assert.Equal("expected one of strict, relaxed", reason);
        }
    }
}
