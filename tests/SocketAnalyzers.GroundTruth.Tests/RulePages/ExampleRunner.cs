using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.GroundTruth.Tests.RulePages
{
    /// <summary>
    /// Compiles a page's example in memory, as the body of <c>static async Task Run()</c> with the usual usings,
    /// against the net10.0 reference assemblies, loads it into a collectible context and runs it with a deadline.
    /// </summary>
    internal static class ExampleRunner
    {
        public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

        private const string Prefix = """
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            public static class GroundTruthExample
            {
                public static async Task Run()
                {
            """;

        private const string Suffix = """

            #line default
                    await Task.CompletedTask;
                }
            }
            """;

        /// <summary>Runs the example; returns the exception it ended with (null when it completed).</summary>
        public static Exception? Run(RulePageExample example)
        {
            var source = Prefix + "\n#line " + example.Line + " \"" + example.Page + "\"\n" + example.Code + Suffix;
            var compilation = CSharpCompilation.Create(
                "GroundTruthExample_" + Path.GetFileNameWithoutExtension(example.Page) + "_" + example.Line,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!result.Success)
            {
                throw new InvalidOperationException($"{example.Page} line {example.Line}: the example does not compile:\n" + string.Join("\n", errors));
            }

            var context = new AssemblyLoadContext(example.Page, isCollectible: true);
            try
            {
                image.Position = 0;
                var run = context.LoadFromStream(image).GetType("GroundTruthExample")!.GetMethod("Run")!;
                Task task;
                try
                {
                    task = (Task)run.Invoke(null, null)!;
                }
                catch (TargetInvocationException invocation)
                {
                    return invocation.InnerException;
                }

                if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Deadline))
                {
                    throw new TimeoutException($"{example.Page} line {example.Line}: the example did not finish within {Deadline.TotalSeconds} s");
                }

                return task.Exception?.InnerException;
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
