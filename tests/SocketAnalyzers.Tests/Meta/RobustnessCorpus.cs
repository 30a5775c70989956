using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Code that analyzers meet in real builds and, above all, while someone types: very large, deeply nested,
    /// recursive, broken, half-typed and impostor code. Every case touches sockets, so the analyzers do their real work
    /// on it instead of bailing out at the first check.
    /// </summary>
    internal static partial class RobustnessCorpus
    {
        private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Net;\nusing System.Net.Sockets;\nusing System.Threading;\nusing System.Threading.Tasks;\n";

        /// <summary>Case name → source text. Built on first use: the statement table below must be initialized first.</summary>
        public static IReadOnlyDictionary<string, string> Cases => LazyCases.Value;

        private static readonly System.Lazy<Dictionary<string, string>> LazyCases = new(() => new Dictionary<string, string>
        {
            ["LargeMethod3000Statements"] = LargeMethod(3000),
            ["ThirtyNestedLoops"] = NestedLoops(30),
            ["ClassWith400Methods"] = ManyMethods(400),
            ["TwoHundredNestedBlocks"] = NestedBlocks(200),
            ["LongExpressionChains"] = LongExpressions(1500),
            ["UnbalancedBraces"] = UnbalancedBraces,
            ["HalfTypedCode"] = HalfTypedCode,
            ["MissingTypesAndMembers"] = MissingTypesAndMembers,
            ["RecursiveFunctions"] = RecursiveFunctions,
            ["AliasCycles"] = AliasCycles,
            ["EveryStatementShape"] = EveryStatementShape,
            ["ImpostorSocketTypes"] = ImpostorSocketTypes,
            ["TopLevelStatements"] = TopLevelStatements,
        });

        private static readonly string[] LargeMethodStatements =
        {
            "s.Bind(new IPEndPoint(IPAddress.Loopback, {0}));",
            "s.Listen({0});",
            "if (c) {{ s = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp); }}",
            "var u{0} = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); u{0}.Listen({0});",
            "s.Send(buffer);",
            "_ = s.Receive(buffer);",
            "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);",
            "using (var a{0} = s.Accept()) {{ a{0}.Send(buffer); }}",
            "(s, t) = c ? (t, s) : (s, t);",
            "s.Shutdown(SocketShutdown.Send);",
            "t.Dispose();",
            "t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Udp);",
            "while (c) {{ s.Connect(IPAddress.Loopback, {0}); break; }}",
            "try {{ t.SendTo(buffer, new IPEndPoint(IPAddress.Loopback, {0})); }} finally {{ t.Close(); }}",
            "switch ({0} % 3) {{ case 0: s.Close(); break; case 1: goto case 0; default: s = t; break; }}",
        };

        private static string LargeMethod(int statements)
        {
            var builder = new StringBuilder(Usings)
                .Append("class Large\n{\n    void M(bool c, byte[] buffer)\n    {\n")
                .Append("        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);\n")
                .Append("        var t = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);\n");
            for (var i = 0; i < statements; i++)
            {
                builder.Append("        ")
                    .AppendFormat(CultureInfo.InvariantCulture, LargeMethodStatements[i % LargeMethodStatements.Length], i)
                    .Append('\n');
            }

            return builder.Append("    }\n}\n").ToString();
        }

        private static string NestedLoops(int depth)
        {
            var builder = new StringBuilder(Usings)
                .Append("class Nested\n{\n    async Task M(IEnumerable<int> items, byte[] buffer, bool c)\n    {\n")
                .Append("        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);\n");
            for (var i = 0; i < depth; i++)
            {
                builder.Append(new string(' ', 8 + (4 * i))).Append((i % 4) switch
                {
                    0 => $"for (var i{i} = 0; i{i} < 3; i{i}++)\n",
                    1 => "while (c)\n",
                    2 => $"foreach (var x{i} in items)\n",
                    _ => "do\n",
                }).Append(new string(' ', 8 + (4 * i))).Append("{\n")
                    .Append(new string(' ', 12 + (4 * i)))
                    .Append(i % 2 == 0 ? "s.Listen(1); if (c) { s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); continue; }\n" : "await s.ReceiveAsync(buffer); if (!c) { s.Dispose(); break; }\n");
            }

            for (var i = depth - 1; i >= 0; i--)
            {
                builder.Append(new string(' ', 8 + (4 * i))).Append(i % 4 == 3 ? "} while (c);\n" : "}\n");
            }

            return builder.Append("        s.Listen(2);\n    }\n}\n").ToString();
        }

        private static string NestedBlocks(int depth)
        {
            var builder = new StringBuilder(Usings)
                .Append("class Blocks\n{\n    void M(bool c, Socket s)\n    {\n");
            for (var i = 0; i < depth; i++)
            {
                builder.Append(i % 3 == 0 ? "if (c) {\n" : i % 3 == 1 ? "try {\n" : "using (var u" + i.ToString(CultureInfo.InvariantCulture) + " = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)) {\n")
                    .Append(i % 2 == 0 ? "s.Listen(1);\n" : "s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);\n");
            }

            for (var i = depth - 1; i >= 0; i--)
            {
                builder.Append(i % 3 == 1 ? "} finally { s.Dispose(); }\n" : "}\n");
            }

            return builder.Append("    }\n}\n").ToString();
        }

        private static string ManyMethods(int count)
        {
            var builder = new StringBuilder(Usings).Append("partial class Many\n{\n");
            for (var i = 0; i < count; i++)
            {
                builder.AppendFormat(
                    CultureInfo.InvariantCulture,
                    "    Socket M{0}(Socket p) {{ var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); s.Listen({0}); return {1}; }}\n",
                    i,
                    i % 2 == 0 ? "s" : $"M{(i + 1) % count}(p)");
            }

            return builder.Append("}\n").ToString();
        }

        private static string LongExpressions(int terms)
        {
            var builder = new StringBuilder(Usings).Append("class Long\n{\n    int M(Socket s, byte[] b)\n    {\n        return 0");
            for (var i = 0; i < terms; i++)
            {
                builder.Append(i % 2 == 0 ? " + s.Receive(b)" : " - s.Available");
            }

            builder.Append(";\n    }\n\n    Socket N(bool c, Socket a, Socket b)\n    {\n        return ");
            for (var i = 0; i < 200; i++)
            {
                builder.Append("c ? a : (");
            }

            builder.Append('b').Append(')', 200).Append(";\n    }\n\n    Func<Socket, Socket> L() =>\n        ");
            for (var i = 0; i < 60; i++)
            {
                builder.AppendFormat(CultureInfo.InvariantCulture, "s{0} => ", i);
            }

            return builder.Append("throw new InvalidOperationException();\n}\n").ToString();
        }
    }
}
