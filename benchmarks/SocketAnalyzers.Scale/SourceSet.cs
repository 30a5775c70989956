using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
        /// One set per project of each repository of a folder laid out as <c>owner__repo/&lt;path&gt;</c> (LABELS.md), each
        /// with the implicit usings: each project is a program of its own, as its users build it. Compiled together, one
        /// repository's global-namespace <c>TcpClient</c> class or entry point would change what another's code means.
        /// The set keeps .cs files only, not the .csproj files, so a repository's projects are found from what they
        /// declare (<see cref="SplitProjects"/>).
        /// </summary>
        public List<SourceSet> ByRepository()
        {
            var sdk = this.Files.Where(f => f.Path.StartsWith("<sdk>/", StringComparison.Ordinal)).ToList();
            return this.Files
                .Where(f => !f.Path.StartsWith("<sdk>/", StringComparison.Ordinal))
                .GroupBy(f => f.Path.Split('/')[0], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => SplitProjects(g.ToList(), 1))
                .Select(project => new SourceSet(this.Name + "/" + project.Prefix, project.Files.Concat(sdk).ToList()))
                .ToList();
        }

        /// <summary>
        /// A repository (or a folder of one) whose files could not be one project — two files declare the same type (a
        /// client and a server folder that each have a <c>Program</c> or a <c>Client</c> class), or two files hold
        /// top-level statements — is split by its sub-folders, each split again while it still clashes; the files of
        /// the folder itself stay together. Any other folder is one compilation, as before.
        /// </summary>
        private static IEnumerable<(string Prefix, List<GeneratedFile> Files)> SplitProjects(List<GeneratedFile> files, int depth)
        {
            var prefix = string.Join("/", files[0].Path.Split('/').Take(depth));
            if (!Clashes(files))
            {
                return new[] { (prefix, files) };
            }

            var groups = files
                .GroupBy(f => f.Path.Split('/') is var segments && segments.Length > depth + 1 ? segments[depth] : string.Empty, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            if (groups.Count == 1 && groups[0].Key.Length == 0)
            {
                return new[] { (prefix, files) }; // one folder: nothing left to split by
            }

            return groups.SelectMany(g => g.Key.Length == 0 ? new[] { (prefix, g.ToList()) } : SplitProjects(g.ToList(), depth + 1));
        }

        /// <summary>Whether two files declare the same non-partial type, or two files have top-level statements.</summary>
        private static bool Clashes(List<GeneratedFile> files)
        {
            var declared = new Dictionary<string, string>(StringComparer.Ordinal);
            var topLevel = 0;
            foreach (var file in files)
            {
                var root = CSharpSyntaxTree.ParseText(file.Text, ParseOptions).GetRoot();
                if (root.ChildNodes().OfType<GlobalStatementSyntax>().Any() && ++topLevel > 1)
                {
                    return true;
                }

                foreach (var type in root.DescendantNodes(n => n is not BaseTypeDeclarationSyntax)
                    .OfType<BaseTypeDeclarationSyntax>())
                {
                    if (type.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                    {
                        continue;
                    }

                    var name = string.Join(".", type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()))
                        + "." + type.Identifier.ValueText
                        + (type is TypeDeclarationSyntax { TypeParameterList: { } parameters } ? "`" + parameters.Parameters.Count : string.Empty);
                    if (declared.TryGetValue(name, out var other) && other != file.Path)
                    {
                        return true;
                    }

                    declared[name] = file.Path;
                }
            }

            return false;
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
