using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// The source texts of one measured input. Every measurement parses them again and builds a fresh compilation,
    /// so nothing bound by an earlier measurement (semantic models, graphs, red nodes) is reused by a later one.
    /// </summary>
    internal sealed class SourceSet
    {
        /// <summary>
        /// The global usings the .NET SDK adds to a project with ImplicitUsings on (Microsoft.NET.Sdk): code from such
        /// a project names List&lt;T&gt; or Task without a using directive of its own.
        /// </summary>
        private const string SdkImplicitUsings =
            "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\n"
            + "global using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Threading;\n"
            + "global using global::System.Threading.Tasks;\n";

        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        private SourceSet(string name, IReadOnlyList<GeneratedFile> files)
        {
            this.Name = name;
            this.Files = files;
            this.Lines = files.Sum(f => SourceText.From(f.Text).Lines.Count);
        }

        public string Name { get; }

        public IReadOnlyList<GeneratedFile> Files { get; }

        public int Lines { get; }

        public static SourceSet FromGenerated(string name, IReadOnlyList<GeneratedFile> files) => new(name, files);

        /// <summary>
        /// Every .cs file under <paramref name="folder"/>, recursively, but for bin/ and obj/ (build output: generated
        /// assembly attributes and global usings that would clash), with the SDK's implicit global usings added unless
        /// <paramref name="implicitUsings"/> is false.
        /// </summary>
        public static SourceSet FromFolder(string folder, bool implicitUsings)
        {
            var root = Path.GetFullPath(folder);
            var files = new List<GeneratedFile>();
            foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                var segments = relative.Split('/');
                if (segments.Take(segments.Length - 1).Any(s => s is "bin" or "obj" || s.StartsWith('.')))
                {
                    continue;
                }

                files.Add(new GeneratedFile(relative, File.ReadAllText(path)));
            }

            if (implicitUsings && files.Count > 0)
            {
                files.Add(new GeneratedFile("<sdk>/ImplicitUsings.g.cs", SdkImplicitUsings));
            }

            return new SourceSet(root, files);
        }

        /// <summary>
        /// One set per repository of a folder laid out as <c>owner__repo/&lt;path&gt;</c> (LABELS.md), each with the implicit
        /// usings: each repository is a program of its own, as its users build it. Compiled together, one repository's
        /// global-namespace <c>TcpClient</c> class or entry point would change what another's code means.
        /// </summary>
        public List<SourceSet> ByRepository()
        {
            var sdk = this.Files.Where(f => f.Path.StartsWith("<sdk>/", StringComparison.Ordinal)).ToList();
            return this.Files
                .Where(f => !f.Path.StartsWith("<sdk>/", StringComparison.Ordinal))
                .GroupBy(f => f.Path.Split('/')[0], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new SourceSet(this.Name + "/" + g.Key, g.Concat(sdk).ToList()))
                .ToList();
        }

        public List<SyntaxTree> Parse() =>
            this.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)).ToList();

        /// <summary>
        /// A library compilation of freshly parsed trees against the net10.0 reference assemblies. Single-threaded
        /// (concurrentBuild off): the figures are work done, not how many of the machine's shared cores were free.
        /// </summary>
        public CSharpCompilation Compile() =>
            CSharpCompilation.Create(
                "scale_input",
                this.Parse(),
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    allowUnsafe: true,
                    concurrentBuild: false));
    }
}
