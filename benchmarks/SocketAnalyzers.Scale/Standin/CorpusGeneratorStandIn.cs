// Temporary stand-in for benchmarks/SocketAnalyzers.CorpusGenerator (being written on another branch): the same API,
// a trivial body, so the runner compiles until that project is merged. Deleted at the merge.
using System.Collections.Generic;
using System.Text;

namespace SocketAnalyzers.CorpusGenerator
{
    public sealed record GeneratedFile(string Path, string Text);

    public sealed record PathologicalInput(string Name, string Description, IReadOnlyList<GeneratedFile> Files);

    public static class SocketCorpus
    {
        public static IReadOnlyList<GeneratedFile> Generate(int targetLines, int seed = 1)
        {
            var files = new List<GeneratedFile>();
            var lines = 0;
            for (var f = 0; lines < targetLines; f++)
            {
                var text = new StringBuilder("using System.Net;\nusing System.Net.Sockets;\nnamespace Gen\n{\n    public sealed class C" + f + "\n    {\n");
                for (var m = 0; m < 20; m++)
                {
                    text.Append("        public static void M" + m + "(int port)\n        {\n            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);\n            socket.Bind(new IPEndPoint(IPAddress.Loopback, port + " + seed + "));\n            socket.Listen();\n        }\n");
                }

                text.Append("    }\n}\n");
                lines += 8 + (20 * 6);
                files.Add(new GeneratedFile("Gen" + f + ".cs", text.ToString()));
            }

            return files;
        }
    }

    public static class PathologicalInputs
    {
        public static IReadOnlyList<PathologicalInput> Create() =>
            new[] { new PathologicalInput("Method500Sockets", "stand-in", SocketCorpus.Generate(200)) };
    }
}
