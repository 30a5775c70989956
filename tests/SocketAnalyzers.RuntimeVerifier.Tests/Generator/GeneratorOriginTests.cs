extern alias generator;

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SocketInterceptorGenerator = generator::SocketAnalyzers.RuntimeVerifier.Generator.SocketInterceptorGenerator;

namespace SocketAnalyzers.RuntimeVerifier.Tests.Generator
{
    /// <summary>
    /// The origin the generator bakes into a call site: the call that initialised the receiver when it returned a
    /// socket (a factory of the program, an await of one, an accept it cannot see returning), with its name; nothing
    /// for a call that returns something else or a variable assigned again.
    /// </summary>
    public sealed class GeneratorOriginTests
    {
        private const string Source = """
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class Server
            {
                static Socket Tcp() => new Socket(SocketType.Stream, ProtocolType.Tcp);

                static Task<TcpClient> ConnectAsync() => Task.FromResult(new TcpClient());

                static object Untyped() => new Socket(SocketType.Stream, ProtocolType.Tcp);

                async Task Run(TcpListener listener, Socket server, System.IAsyncResult pending)
                {
                    var a = Tcp();
                    a.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    var b = await ConnectAsync().ConfigureAwait(false);
                    b.Close();
                    var c = await listener.AcceptSocketAsync(default);
                    c.Close();
                    var d = server.EndAccept(pending);
                    d.Close();
                    var e = (Socket)Untyped();
                    e.Close();
                    var f = Tcp();
                    f = Tcp();
                    f.Close();
                }
            }
            """;

        [Fact]
        public void ReceiverInitialisedByACallReturningASocket_CarriesThatCallAsItsOrigin()
        {
            var text = Generate();

            Assert.Contains("\"Bind\", creationLine: 15, creationColumn: 17, creationMember: \"Server.Tcp\");", text);
            Assert.Contains("(\"/0/Server.cs\", 18, 11, global::SocketAnalyzers.Protocol.SocketApi.TcpClient, \"Close\", creationLine: 17, creationColumn: 23, creationMember: \"Server.ConnectAsync\");", text);
            Assert.Contains("(\"/0/Server.cs\", 20, 11, global::SocketAnalyzers.Protocol.SocketApi.Socket, \"Close\", options: global::SocketAnalyzers.RuntimeVerifier.CallSiteOptions.AcceptedOrigin, creationLine: 19, creationColumn: 32, creationMember: \"TcpListener.AcceptSocketAsync\");", text);
            Assert.Contains("(\"/0/Server.cs\", 22, 11, global::SocketAnalyzers.Protocol.SocketApi.Socket, \"Close\", options: global::SocketAnalyzers.RuntimeVerifier.CallSiteOptions.AcceptedOrigin, creationLine: 21, creationColumn: 24, creationMember: \"Socket.EndAccept\");", text);
            Assert.Contains("(\"/0/Server.cs\", 24, 11, global::SocketAnalyzers.Protocol.SocketApi.Socket, \"Close\");", text);
            Assert.Contains("(\"/0/Server.cs\", 27, 11, global::SocketAnalyzers.Protocol.SocketApi.Socket, \"Close\");", text);
        }

        private static string Generate()
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(Source), parse, "/0/Server.cs");
            var compilation = CSharpCompilation.Create(
                "Test",
                new[] { tree },
                Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var result = CSharpGeneratorDriver.Create(new[] { new SocketInterceptorGenerator().AsSourceGenerator() }, parseOptions: parse, optionsProvider: new On())
                .RunGenerators(compilation).GetRunResult();
            return Assert.Single(result.GeneratedTrees).ToString();
        }

        private sealed class On : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions { get; } = new Options();

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.GlobalOptions;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.GlobalOptions;

            private sealed class Options : AnalyzerConfigOptions
            {
                public override bool TryGetValue(string key, out string value)
                {
                    value = "true";
                    return key == SocketInterceptorGenerator.EnableProperty;
                }
            }
        }
    }
}
