using System;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Scale.Tests
{
    public sealed class SourceSetTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "sourceset-" + Guid.NewGuid().ToString("N"));

        public SourceSetTests()
        {
            Directory.CreateDirectory(Path.Combine(this.folder, "alice__chat", "src"));
            Directory.CreateDirectory(Path.Combine(this.folder, "bob__relay"));
            File.WriteAllText(Path.Combine(this.folder, "alice__chat", "src", "Client.cs"), "class TcpClient { }");
            File.WriteAllText(Path.Combine(this.folder, "alice__chat", "Program.cs"), "class Program { static void Main() { } }");
            File.WriteAllText(Path.Combine(this.folder, "bob__relay", "Relay.cs"), "class Relay { System.Net.Sockets.TcpClient c = new(); }");
        }

        public void Dispose() => Directory.Delete(this.folder, recursive: true);

        [Fact]
        public void ByRepository_GivesEachRepositoryItsOwnCompilation_WithTheImplicitUsings()
        {
            var sets = SourceSet.FromFolder(this.folder, implicitUsings: true).ByRepository();

            Assert.Equal(new[] { "alice__chat", "bob__relay" }, sets.Select(s => Path.GetFileName(s.Name)));
            Assert.Equal(new[] { "alice__chat/Program.cs", "alice__chat/src/Client.cs", "<sdk>/ImplicitUsings.g.cs" }, sets[0].Files.Select(f => f.Path));
            Assert.Equal(new[] { "bob__relay/Relay.cs", "<sdk>/ImplicitUsings.g.cs" }, sets[1].Files.Select(f => f.Path));

            // Alice's global TcpClient class no longer shadows the socket type in Bob's code.
            var bob = sets[1].Compile();
            Assert.Empty(bob.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        }
    
        [Fact]
        public void ByRepository_SplitsARepositoryWhoseFoldersDeclareTheSameType_IntoOneCompilationPerFolder()
        {
            var root = Path.Combine(this.folder, "carol__game");
            Directory.CreateDirectory(Path.Combine(root, "Client", "Net"));
            Directory.CreateDirectory(Path.Combine(root, "Server"));
            File.WriteAllText(Path.Combine(root, "Client", "Client.cs"), "class Client { }");
            File.WriteAllText(Path.Combine(root, "Client", "Net", "Session.cs"), "namespace Net { class Session { } }");
            File.WriteAllText(Path.Combine(root, "Server", "Client.cs"), "class Client { }");
            File.WriteAllText(Path.Combine(root, "Server", "Session.cs"), "partial class Session { }");
            File.WriteAllText(Path.Combine(root, "Server", "Session.Io.cs"), "partial class Session { }");
            File.WriteAllText(Path.Combine(root, "Shared.cs"), "class Shared { }");

            var sets = SourceSet.FromFolder(this.folder, implicitUsings: false).ByRepository();

            // Alice's Client and her Program do not clash (different names): her repository stays one compilation.
            Assert.Equal(
                new[] { "alice__chat", "bob__relay", "carol__game", "carol__game/Client", "carol__game/Server" },
                sets.Select(s => s.Name.Substring(Path.GetFullPath(this.folder).Length + 1)));
            Assert.Equal(new[] { "carol__game/Shared.cs" }, sets[2].Files.Select(f => f.Path));
            Assert.Equal(new[] { "carol__game/Client/Client.cs", "carol__game/Client/Net/Session.cs" }, sets[3].Files.Select(f => f.Path));
            Assert.Equal(new[] { "carol__game/Server/Client.cs", "carol__game/Server/Session.Io.cs", "carol__game/Server/Session.cs" }, sets[4].Files.Select(f => f.Path));
            Assert.All(sets.Skip(2), set => Assert.DoesNotContain(set.Compile().GetDiagnostics(), d => d.Id == "CS0101"));
        }

        [Fact]
        public void ByRepository_SplitsTwoTopLevelProgramsOfOneRepository()
        {
            var root = Path.Combine(this.folder, "dave__tools");
            Directory.CreateDirectory(Path.Combine(root, "Ping"));
            Directory.CreateDirectory(Path.Combine(root, "Pong"));
            File.WriteAllText(Path.Combine(root, "Ping", "Program.cs"), "System.Console.WriteLine(1);");
            File.WriteAllText(Path.Combine(root, "Pong", "Program.cs"), "System.Console.WriteLine(2);");

            var names = SourceSet.FromFolder(this.folder, implicitUsings: false).ByRepository().Select(s => Path.GetFileName(s.Name)).ToList();

            Assert.Contains("Ping", names);
            Assert.Contains("Pong", names);
        }
    }
}
