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
        public static IReadOnlyList<PathologicalInput> Create() => new[]
        {
            Input("Method5000Statements", "one method, 5,000 statements", 5000, i => "            s" + (i % 20) + ".Send(buffer);\n", 20),
            Input("NestedIfs200", "200 nested ifs", 200, i => "            if (buffer.Length > " + i + ") {\n s0.Send(buffer);\n", 1, closers: 200),
            Input("NestedLoops50", "50 nested loops", 50, i => "            for (var i" + i + " = 0; i" + i + " < 2; i" + i + "++) {\n s0.Send(buffer);\n", 1, closers: 50),
            new PathologicalInput("File50000Lines", "a 50,000-line file", new[] { new GeneratedFile("Big.cs", string.Concat(SocketCorpus.Generate(50_000)).Length > 0 ? Merge(SocketCorpus.Generate(50_000)) : "") }),
            Input("Switch2000Cases", "a switch of 2,000 cases", 1, _ => "            switch (buffer.Length)\n            {\n" + Cases() + "            }\n", 1),
            Input("Method500Sockets", "one method, 500 sockets", 500, i => "            var t" + i + " = new Socket(SocketType.Stream, ProtocolType.Tcp);\n            t" + i + ".Connect(\"localhost\", 80);\n", 0),
        };

        private static string Cases()
        {
            var text = new StringBuilder();
            for (var i = 0; i < 2000; i++)
            {
                text.Append("                case " + i + ": s0.Send(buffer); break;\n");
            }

            return text.ToString();
        }

        private static string Merge(IReadOnlyList<GeneratedFile> files)
        {
            var text = new StringBuilder("using System.Net;\nusing System.Net.Sockets;\n");
            foreach (var file in files)
            {
                text.Append(file.Text.Replace("using System.Net;\nusing System.Net.Sockets;\n", "").Replace("namespace Gen", "namespace Gen" + file.Path.Replace(".cs", "")));
            }

            return text.ToString();
        }

        private static PathologicalInput Input(string name, string description, int count, System.Func<int, string> statement, int sockets, int closers = 0)
        {
            var text = new StringBuilder("using System.Net.Sockets;\nnamespace Patho\n{\n    public static class P\n    {\n        public static void M(byte[] buffer)\n        {\n");
            for (var i = 0; i < sockets; i++)
            {
                text.Append("            using var s" + i + " = new Socket(SocketType.Stream, ProtocolType.Tcp);\n            s" + i + ".Connect(\"localhost\", 80);\n");
            }

            for (var i = 0; i < count; i++)
            {
                text.Append(statement(i));
            }

            text.Append(new string('}', closers)).Append("\n        }\n    }\n}\n");
            return new PathologicalInput(name, description, new[] { new GeneratedFile(name + ".cs", text.ToString()) });
        }
    }
}
