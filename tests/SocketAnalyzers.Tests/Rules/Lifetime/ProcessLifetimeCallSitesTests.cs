using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Rules.Lifetime;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Where ProcessLifetime finds every call site of a body: members no other assembly can call (in a library too),
    /// local functions nothing calls (they never run), and tasks whose exception comes out where they are awaited through <c>Task.WhenAll</c>, <c>Task.WaitAll</c>
    /// or a local.
    /// </summary>
    public sealed class ProcessLifetimeCallSitesTests
    {
        private const string NotDisposed = "SOCK201";
        private const string OnException = "SOCK202";
        private const string Accepted = "SOCK203";

        private static Task VerifyAsync(string id, string source, OutputKind kind, params DiagnosticResult[] expected)
        {
            var test = CSharpAnalyzerVerifier<SocketFlowAnalyzer>.CreateTest(source);
            test.TestState.OutputKind = kind;
            foreach (var descriptor in new SocketFlowAnalyzer().SupportedDiagnostics)
            {
                if (descriptor.Id != id)
                {
                    test.DisabledDiagnostics.Add(descriptor.Id);
                }
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static Task VerifyFieldsAsync(string source, params DiagnosticResult[] expected)
        {
            var test = CSharpAnalyzerVerifier<SocketFieldDisposalAnalyzer>.CreateTest(source);
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        // A library's singleton: only the static field's initializer creates it, and no other assembly can.
        private const string Singleton = """
            using System.Net;
            using System.Net.Sockets;
            ATTRIBUTE
            ACCESS sealed class Network
            {
                public static readonly Network Instance = new Network();

                private TcpListener {|#0:listener|};

                public void Start()
                {
                    listener = {|#1:new TcpListener(IPAddress.Any, 5500)|};
                    listener.Start();
                }
            }
            """;

        private static DiagnosticResult SingletonField() =>
            CSharpAnalyzerVerifier<SocketFieldDisposalAnalyzer>.Diagnostic("SOCK204").WithLocation(0).WithLocation(1)
                .WithArguments("Network", "TcpListener", "listener", "does not implement IDisposable");

        [Fact]
        public async Task InternalSingletonOfALibrary_DoesNotReport()
        {
            await VerifyFieldsAsync(Singleton.Replace("ATTRIBUTE", string.Empty).Replace("ACCESS", "internal"));
        }

        [Theory]
        [InlineData("", "public")]
        [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Tests\")]", "internal")]
        public async Task SingletonOthersMayCreate_Reports(string attribute, string access)
        {
            // A public type, or an internal one a friend assembly sees: another assembly may create more of them.
            await VerifyFieldsAsync(Singleton.Replace("ATTRIBUTE", attribute).Replace("ACCESS", access), SingletonField());
        }

        [Fact]
        public async Task InternalSingletonAlsoCreatedByAPublicMethod_Reports()
        {
            var source = Singleton.Replace("ATTRIBUTE", string.Empty).Replace("ACCESS", "internal")
                + "public static class Factory { public static void Make() { new Network().Start(); } }";
            await VerifyFieldsAsync(source, SingletonField());
        }

        [Theory]
        [InlineData("internal", "static Host() { Open(); }", false)]
        [InlineData("internal", "static Host() { for (var i = 0; i < 3; i++) Open(); }", true)]
        [InlineData("public", "static Host() { Open(); }", false)]
        [InlineData("internal", "static Host() { Open(); } public static void Again() => Open();", true)]
        public async Task LibraryMethodCalledOnlyByAStaticConstructor_ReportsWhenItCanRunAgain(string access, string callers, bool reported)
        {
            // The type initializer runs once per process, whoever can see the type; the private Open runs once unless a
            // loop or a method with no known call site (Again: nothing here calls it) reaches it too.
            var source = """
                using System.Net.Sockets;

                ACCESS static class Host
                {
                    CALLERS

                    private static void Open()
                    {
                        var client = MARK;
                        client.Connect("localhost", 5000);
                    END
                }
                """.Replace("ACCESS", access).Replace("CALLERS", callers)
                .Replace("MARK", reported ? "{|#0:new TcpClient()|}" : "new TcpClient()")
                .Replace("END", reported ? "{|#1:}|}" : "}");
            var expected = reported
                ? new[] { CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends") }
                : System.Array.Empty<DiagnosticResult>();
            await VerifyAsync(NotDisposed, source, OutputKind.DynamicallyLinkedLibrary, expected);
        }

        [Fact]
        public async Task LocalFunctionNeverCalled_DoesNotReport()
        {
            // Only its enclosing body can call a local function: with no reference there, it never runs.
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, 5000));
                listener.Listen(10);
                listener.Close();

                void Serve()
                {
                    try
                    {
                        while (true)
                        {
                            var peer = listener.Accept();
                            peer.Receive(new byte[16]);
                            peer.Close();
                        }
                    }
                    catch (SocketException)
                    {
                    }
                }
                """;
            await VerifyAsync(Accepted, source, OutputKind.ConsoleApplication);
        }

        [Theory]
        [InlineData("while (true) Serve();")]
        [InlineData("AppDomain.CurrentDomain.ProcessExit += (s, e) => Serve();")]
        [InlineData("Action later = Serve; later();")]
        public async Task LocalFunctionThatRuns_Reports(string statements)
        {
            // Called from a loop, from an event, or through a delegate: it runs, possibly again.
            var source = "using System;\nusing System.Net;\nusing System.Net.Sockets;\n\n" + statements + """

                void Serve()
                {
                    var client = {|#0:new TcpClient()|};
                    client.Connect("localhost", 5000);
                {|#1:}|}
                """;
            await VerifyAsync(NotDisposed, source, OutputKind.ConsoleApplication,
                CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends"));
        }

        private const string UnusedServer = """
            using System.Net;
            using System.Net.Sockets;

            class Program
            {
                static volatile bool running = true;

                static void Main()
                {
                }

                MODIFIERS void Serve()
                {
                    var listener = MARK;
                    listener.START();
                    while (running)
                    {
                        using var client = listener.AcceptTcpClient();
                    }

                    listener.Stop();
                }
            }
            """;

        [Theory]
        [InlineData("private static", OutputKind.ConsoleApplication)]
        [InlineData("public static", OutputKind.ConsoleApplication)]
        [InlineData("private", OutputKind.ConsoleApplication)]
        [InlineData("private static", OutputKind.DynamicallyLinkedLibrary)]
        public async Task UnreferencedMethod_Reports(string modifiers, OutputKind kind)
        {
            // Not taken for dead code: another assembly (public), a framework calling instance messages by name (Unity's
            // Start) or reflection may call it, and a private static method nobody calls yet is how a snippet is tried.
            var source = UnusedServer.Replace("MODIFIERS", modifiers).Replace("MARK", "{|#0:new TcpListener(IPAddress.Any, 5000)|}").Replace("START", "{|#1:Start|}");
            if (kind == OutputKind.DynamicallyLinkedLibrary)
            {
                source = source.Replace("static void Main()", "static void Setup()");
            }

            await VerifyAsync(OnException, source, kind, CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("listener", "Start"));
        }

        private static string AsyncProgram(string main, bool marked) => """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            static class Program
            {
                static async Task Main()
                {
                    MAIN
                }

                static async Task Other() => await Task.Delay(1);

                static void Keep(List<Task> tasks) { }

                static async Task ListenAsync()
                {
                    var listener = MARK;
                    listener.START();
                    try
                    {
                        (await listener.AcceptSocketAsync()).Close();
                    }
                    finally
                    {
                        listener.Stop();
                    }
                }
            }
            """.Replace("MAIN", main)
            .Replace("MARK", marked ? "{|#0:new TcpListener(IPAddress.Loopback, 5000)|}" : "new TcpListener(IPAddress.Loopback, 5000)")
            .Replace("START", marked ? "{|#1:Start|}" : "Start");

        [Theory]
        [InlineData("await ListenAsync();")]
        [InlineData("await Task.WhenAll(ListenAsync(), Other());")]
        [InlineData("await Task.WhenAll(new[] { Other(), ListenAsync() }).ConfigureAwait(false);")]
        [InlineData("Task.WaitAll(ListenAsync(), Other());")]
        [InlineData("Task.WhenAll(ListenAsync()).Wait();")]
        [InlineData("var server = ListenAsync(); Console.WriteLine(\"started\"); await server;")]
        [InlineData("var server = ListenAsync(); await Task.WhenAll(server, Other());")]
        [InlineData("await Task.Run(ListenAsync);")]
        [InlineData("await Task.Run(() => ListenAsync());")]
        [InlineData("Task.Run(async () => await ListenAsync()).Wait();")]
        [InlineData("var tasks = new List<Task>(); tasks.Add(ListenAsync()); tasks.Add(Other()); await Task.WhenAll(tasks);")]
        [InlineData("var tasks = new List<Task>(); tasks.Add(ListenAsync()); Task.WaitAll(tasks.ToArray());")]
        public async Task TaskRethrownInTheEntryPoint_DoesNotReport(string main)
        {
            // Start throws (address in use): the awaited task rethrows it out of Main, and the process ends.
            await VerifyAsync(OnException, AsyncProgram(main, marked: false), OutputKind.ConsoleApplication);
        }

        private const string TopLevelListen = """

            async Task ListenAsync()
            {
                var listener = MARK;
                listener.START();
                try
                {
                    (await listener.AcceptSocketAsync()).Close();
                }
                finally
                {
                    listener.Stop();
                }
            }
            """;

        [Theory]
        [InlineData("var server = ListenAsync();\nConsole.WriteLine(\"started\");\nawait server;", false)]
        [InlineData("var server = ListenAsync();\nawait Task.WhenAll(server, Task.Delay(1));", false)]
        [InlineData("var server = ListenAsync();\ntry { await server; } catch (SocketException) { }", true)]
        public async Task TaskLocalOfTopLevelStatements_ReportsUnlessRethrown(string statements, bool reported)
        {
            // Each top-level statement is a member declaration of its own, but together they are one body: the entry point.
            var source = "using System;\nusing System.Net;\nusing System.Net.Sockets;\nusing System.Threading.Tasks;\n\n" + statements
                + TopLevelListen.Replace("MARK", reported ? "{|#0:new TcpListener(IPAddress.Loopback, 5000)|}" : "new TcpListener(IPAddress.Loopback, 5000)")
                    .Replace("START", reported ? "{|#1:Start|}" : "Start");
            var expected = reported
                ? new[] { CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("listener", "Start") }
                : System.Array.Empty<DiagnosticResult>();
            await VerifyAsync(OnException, source, OutputKind.ConsoleApplication, expected);
        }

        [Theory]
        [InlineData("_ = Task.WhenAll(ListenAsync(), Other());")]
        [InlineData("await Task.WhenAny(ListenAsync(), Other());")]
        [InlineData("var server = ListenAsync(); try { await server; } catch (Exception) { }")]
        [InlineData("var server = ListenAsync(); var all = new List<Task> { server }; await server;")]
        [InlineData("var server = ListenAsync(); Console.WriteLine(\"started\");")]
        [InlineData("_ = Task.Run(() => ListenAsync());")]
        [InlineData("var server = ListenAsync(); _ = Task.Run(() => server.Wait());")]
        [InlineData("var tasks = new List<Task>(); tasks.Add(ListenAsync()); Console.WriteLine(tasks.Count);")]
        [InlineData("var tasks = new List<Task>(); tasks.Add(ListenAsync()); Keep(tasks); await Task.WhenAll(tasks);")]
        [InlineData("var tasks = new List<Task>(); tasks.Add(ListenAsync()); await Task.WhenAny(tasks);")]
        [InlineData("await Task.Factory.StartNew(() => ListenAsync());")]
        [InlineData("try { await Task.Run(ListenAsync); } catch (SocketException) { }")]
        public async Task TaskExceptionKeptOrCaught_Reports(string main)
        {
            // A task nobody waits on keeps its exception; WhenAny does not rethrow it; a catch goes on; a task handed to a
            // collection may be waited on elsewhere, inside a try; StartNew's task ends when the function returns its
            // own task, whose exception nobody observes; a wait inside another function rethrows there.
            await VerifyAsync(OnException, AsyncProgram(main, marked: true), OutputKind.ConsoleApplication,
                CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("listener", "Start"));
        }
    }
}
