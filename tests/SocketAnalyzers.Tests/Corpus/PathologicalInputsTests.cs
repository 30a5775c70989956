using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Tests.Corpus
{
    /// <summary>
    /// The pathological inputs stress one dimension each; they are only useful if they compile (an analyzer given
    /// broken code measures the error path) and really have the size their name promises.
    /// </summary>
    public sealed class PathologicalInputsTests
    {
        private static readonly string[] AgreedNames =
        [
            "Method5000Statements", "NestedIfs200", "NestedLoops50", "File50000Lines", "Switch2000Cases", "Method500Sockets",
        ];

        public static TheoryData<string> Names => new(AgreedNames);

        [Fact]
        public void Create_ReturnsExactlyTheAgreedNames_WithDescriptions()
        {
            var inputs = PathologicalInputs.Create();

            Assert.Equal(AgreedNames, inputs.Select(input => input.Name));
            Assert.All(inputs, input => Assert.False(string.IsNullOrWhiteSpace(input.Description)));
            Assert.All(inputs, input => Assert.NotEmpty(input.Files));
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void Input_CompilesWithoutErrors_AndTouchesSockets(string name)
        {
            var input = Input(name);
            var compilation = CorpusCompilation.Compile(input.Files);

            var errors = CorpusCompilation.Diagnostics(compilation, DiagnosticSeverity.Error);

            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
            Assert.Contains(input.Files, CorpusCompilation.IsSocketFile);
        }

        [Fact]
        public void Method5000Statements_HasAboutFiveThousandStatementsInOneMethod()
        {
            var root = CSharpSyntaxTree.ParseText(Input("Method5000Statements").Files.Single().Text).GetRoot();

            var method = Assert.Single(root.DescendantNodes().OfType<MethodDeclarationSyntax>());
            var statements = method.DescendantNodes().OfType<StatementSyntax>().Count(statement => statement is not BlockSyntax);
            Assert.InRange(statements, 4_800, 5_600);
        }

        [Theory]
        [InlineData("NestedIfs200", @"^\s*if \(", 200)]
        [InlineData("NestedLoops50", @"^\s*(for|while|foreach|do)\b", 50)]
        [InlineData("Switch2000Cases", @"^\s*case \d+:", 2_000)]
        [InlineData("Switch2000Cases", @"^\s*\d+ => ", 2_000)]
        [InlineData("Method500Sockets", @"new Socket\(", 500)]
        public void Input_HasTheShapeItsNamePromises(string name, string pattern, int expected)
        {
            var text = Input(name).Files.Single().Text;

            Assert.True(Regex.Matches(text, pattern, RegexOptions.Multiline).Count >= expected, $"{name}: fewer than {expected} matches of {pattern}");
        }

        [Fact]
        public void File50000Lines_IsOneFileOfAboutFiftyThousandLines()
        {
            var file = Input("File50000Lines").Files.Single();

            Assert.InRange(CorpusCompilation.LineCount(file), 50_000, 51_000);
        }

        private static PathologicalInput Input(string name) => PathologicalInputs.Create().Single(input => input.Name == name);
    }
}
