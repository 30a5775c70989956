using System.Text;

namespace SocketAnalyzers.Benchmarks.Corpus
{
    /// <summary>Generated inputs: one very large method, as machine-written code produces.</summary>
    internal static class GeneratedCode
    {
        /// <summary>
        /// One method of about <paramref name="statements"/> statements over <paramref name="sockets"/> sockets: straight-line
        /// branches, then <paramref name="nesting"/> nested loops, each with a branch and a socket operation.
        /// </summary>
        public static string HugeMethod(int statements, int sockets, int nesting)
        {
            var source = new StringBuilder("using System.Net;\nusing System.Net.Sockets;\n\nclass Generated\n{\n    void M(IPEndPoint ep, int n)\n    {\n        var x = 0;\n");
            for (var i = 0; i < sockets; i++)
            {
                source.Append("        var s").Append(i).Append(" = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);\n");
                source.Append("        s").Append(i).Append(".Connect(ep);\n");
            }

            for (var i = 0; i < statements - (2 * sockets) - nesting; i++)
            {
                source.Append("        if (n == ").Append(i).Append(") { s").Append(i % sockets).Append(".Send(new byte[1]); } else { x += ").Append(i).Append("; }\n");
            }

            for (var depth = 0; depth < nesting; depth++)
            {
                source.Append("        for (var i").Append(depth).Append(" = 0; i").Append(depth).Append(" < n; i").Append(depth).Append("++) {\n");
                source.Append("        if (x > ").Append(depth).Append(") s0.Receive(new byte[1]); else s1.Send(new byte[1]);\n");
            }

            source.Append("        s0.Dispose();\n").Append(' ', 8).Append('}', nesting).Append("\n    }\n}\n");
            return source.ToString();
        }
    }
}
