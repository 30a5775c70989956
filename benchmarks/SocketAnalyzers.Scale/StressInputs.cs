using System;
using System.Collections.Generic;
using System.Text;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// Pathological inputs this benchmark adds to the corpus generator's six: one long method repeating the calls that
    /// rules examine per call or per loop. Each made one of our analyzers quadratic (a walk of the whole function per
    /// call) until the rules shared one walk per function (FunctionFacts): they stay here so that it does not return.
    /// </summary>
    internal static class StressInputs
    {
        public static IReadOnlyList<PathologicalInput> Create() => new[]
        {
            Input(
                "AsyncBlockingCalls6000",
                "An async method of 1,500 × (counted Receive, ignored Receive, ReadLine on a reader over the stream, Wait on a ReceiveAsync task): 6,000 blocking calls.",
                "public static async Task<int> Run(EndPoint remote)",
                i => "total += s.Receive(buffer);\ns.Receive(buffer);\nreader.ReadLine();\nvar t" + i + " = s.ReceiveAsync(buffer);\nt" + i + ".Wait();\n",
                1_500,
                "await Task.Yield();\nreturn total;\n"),
            Input(
                "LockedCalls3000",
                "A method of 3,000 lock statements, each around a Receive and a ReadLine (SOCK303 under a lock).",
                "public static int Run(EndPoint remote)",
                _ => "lock (Gate)\n{\ntotal += s.Receive(buffer);\nreader.ReadLine();\n}\n",
                3_000,
                "return total;\n"),
            Input(
                "ReceiveLoops1500",
                "A method of 1,500 receive loops that check for the end of the stream (SOCK402's loop analysis, per loop).",
                "public static int Run(EndPoint remote)",
                i => "while (total < " + i + ")\n{\nvar n" + i + " = s.Receive(buffer);\nif (n" + i + " == 0)\n{\nbreak;\n}\n\ntotal += n" + i + ";\n}\n",
                1_500,
                "return total;\n"),
        };

        private static PathologicalInput Input(string name, string description, string signature, Func<int, string> repeated, int count, string end)
        {
            var text = new StringBuilder()
                .Append("using System.IO;\nusing System.Net;\nusing System.Net.Sockets;\nusing System.Threading.Tasks;\n\nnamespace Stress\n{\n")
                .Append("public static class ").Append(name).Append("\n{\nprivate static readonly object Gate = new object();\n\n")
                .Append(signature).Append("\n{\nvar buffer = new byte[16];\nvar total = 0;\n")
                .Append("using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);\ns.Connect(remote);\n")
                .Append("using var stream = new NetworkStream(s, ownsSocket: false);\nusing var reader = new StreamReader(stream);\n");
            for (var i = 0; i < count; i++)
            {
                text.Append(repeated(i));
            }

            text.Append(end).Append("}\n}\n}\n");
            return new PathologicalInput(name, description, new[] { new GeneratedFile(name + ".cs", text.ToString()) });
        }
    }
}
