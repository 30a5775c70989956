using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// A handler owns its parameter only if every call site hands it a socket: the call sites must all be found, in every
    /// file and every spelling, however the index looks for them (text first, then the private method's own type).
    /// </summary>
    public sealed class HandlerCallSitesTests
    {
        private const string NotDisposed = "SOCK201";

        private const string LeakyHandler = """
                    {|#0:client|})
                    {
                        if (client.Available == 0)
                        {
                            return;
                        }

                        client.Close();
                    {|#1:}|}
            """;

        private static DiagnosticResult Leak() =>
            CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1)
                .WithArguments("client", "some path reaches the end of the method with it still open");

        private static Task VerifyAsync(string[] sources, OutputKind kind, params DiagnosticResult[] expected)
        {
            var test = CSharpAnalyzerVerifier<SocketFlowAnalyzer>.CreateTest(sources[0]);
            for (var i = 1; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(("/0/File" + i + ".cs", sources[i]));
            }

            test.TestState.OutputKind = kind;
            foreach (var descriptor in new SocketFlowAnalyzer().SupportedDiagnostics.Where(d => d.Id != NotDisposed))
            {
                test.DisabledDiagnostics.Add(descriptor.Id);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static string PartialServer(string caller) => """
            using System.Net.Sockets;

            partial class Server
            {
                void Serve(Socket listener)
                {
            """ + caller + """

                }

                private void Handle(Socket
            """ + LeakyHandler + """

            }
            """;

        [Fact]
        public async Task PrivateHandler_CallerInAnotherPartOfItsClass_IsFound()
        {
            // The other part lends the listener it does not own: the handler does not own what it receives.
            var other = """
                using System.Net.Sockets;

                partial class Server
                {
                    void Lend(Socket listener) => Handle(listener);
                }
                """;

            await VerifyAsync(new[] { PartialServer("var c = listener.Accept(); Handle(c);"), other }, OutputKind.DynamicallyLinkedLibrary);
        }

        [Fact]
        public async Task PrivateHandler_EveryPartHandsOver_Reports()
        {
            var other = """
                using System.Net.Sockets;

                partial class Server
                {
                    void Serve2(Socket listener) => Handle(listener.Accept());
                }
                """;

            await VerifyAsync(new[] { PartialServer("var c = listener.Accept(); Handle(c);"), other }, OutputKind.DynamicallyLinkedLibrary, Leak());
        }

        [Theory]
        [InlineData("", true)]
        [InlineData("void Lend(Socket listener) => Worker.Handle(listener);", false)]
        public async Task InternalHandlerOfAPrivateType_CallersInTheEnclosingType_AreFound(string lender, bool reports)
        {
            // Worker is private: its internal method can be named anywhere in Server, outside Worker too.
            var source = """
                using System.Net.Sockets;

                class Server
                {
                    void Serve(Socket listener) => Worker.Handle(listener.Accept());

                """ + lender + """

                    private static class Worker
                    {
                        internal static void Handle(Socket
                """ + LeakyHandler + """

                    }
                }
                """;

            await VerifyAsync(new[] { source }, OutputKind.DynamicallyLinkedLibrary, reports ? new[] { Leak() } : new DiagnosticResult[0]);
        }

        [Fact]
        public async Task InternalHandler_CalledThroughAUnicodeEscapeInAnotherFile_IsFound()
        {
            // `H\u0061ndle` is Handle: the file that spells it so has no plain word Handle, and must still be read.
            var server = """
                using System.Net.Sockets;

                class Server
                {
                    void Serve(Socket listener) => Handler.Handle(listener.Accept());
                }

                static class Handler
                {
                    internal static void Handle(Socket
                """ + LeakyHandler + """

                }
                """;
            var other = """
                using System.Net.Sockets;

                class Other
                {
                    void Lend(Socket listener) => Handler.H\u0061ndle(listener);
                }
                """;

            await VerifyAsync(new[] { server, other }, OutputKind.DynamicallyLinkedLibrary);
        }

        [Theory]
        [InlineData("var c = listener.Accept(); Handle(c); c.Close();", false)]
        [InlineData("", true)]
        public async Task PrivateHandlerOfProgram_CalledFromTopLevelStatements_IsFound(string topLevel, bool reports)
        {
            // Top-level statements are part of Program: they may call its private methods.
            var source = """
                using System.Net.Sockets;

                var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);

                """ + topLevel + """

                listener.Close();

                partial class Program
                {
                    static void Serve(Socket listener) => Handle(listener.Accept());

                    private static void Handle(Socket
                """ + LeakyHandler + """

                }
                """;

            await VerifyAsync(new[] { source }, OutputKind.ConsoleApplication, reports ? new[] { Leak() } : new DiagnosticResult[0]);
        }

        [Theory]
        [InlineData(200, true)]
        [InlineData(201, false)]
        public async Task NameUsedMoreThan200Times_IsNotFollowed(int uses, bool reports)
        {
            // The budget counts identifiers, whatever they bind to: an overload called 201 times stops the handler.
            var calls = string.Concat(Enumerable.Repeat("Handle(0); ", uses - 1));
            var source = PartialServer("Handle(listener.Accept());") + """

                partial class Server
                {
                    private void Handle(int unused)
                    {
                    }

                    void Many()
                    {
                """ + calls + """

                    }
                }
                """;

            await VerifyAsync(new[] { source }, OutputKind.DynamicallyLinkedLibrary, reports ? new[] { Leak() } : new DiagnosticResult[0]);
        }

        [Fact]
        public async Task NameOftenInCommentsAndStrings_IsStillFollowed()
        {
            // The text counts words, comments and strings included; only identifiers count against the budget.
            var words = string.Concat(Enumerable.Repeat("// Handle\n", 300)) + "const string S = \"" + string.Concat(Enumerable.Repeat("Handle ", 300)) + "\";";
            var source = PartialServer("Handle(listener.Accept());") + "\npartial class Server\n{\n" + words + "\n}\n";

            await VerifyAsync(new[] { source }, OutputKind.DynamicallyLinkedLibrary, Leak());
        }
    }
}
