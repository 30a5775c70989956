using System;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.RuntimeVerifier.Tests.Meta
{
    /// <summary>
    /// One protocol table, two consumers: the analyzers and the verifier compile the same Protocol/ files, so those
    /// files must not depend on Roslyn (the verifier ships into applications, where Roslyn is not loaded).
    /// </summary>
    public sealed class SharedProtocolTests
    {
        [Fact]
        public void ProtocolFolder_HasNoRoslynUsings()
        {
            var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "SocketAnalyzers", "Protocol"), "*.cs");

            Assert.NotEmpty(files);
            var offending = files
                .Where(file => File.ReadLines(file).Any(line => line.TrimStart().StartsWith("using", StringComparison.Ordinal) && line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
                .Select(Path.GetFileName)
                .ToArray();
            Assert.Empty(offending);
        }

        [Fact]
        public void VerifierAssembly_DoesNotReferenceRoslyn()
        {
            var references = typeof(SocketMonitor).Assembly.GetReferencedAssemblies().Select(name => name.Name).ToArray();

            Assert.DoesNotContain(references, name => name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocketAnalyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SocketAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
