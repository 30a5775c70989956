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
    }
}
