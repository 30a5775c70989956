using System.Collections.Generic;
using System.Text;

namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// Renders the protocol as Markdown: one Mermaid state diagram per API type (the legal edges) and one table
    /// of the illegal entries. docs/protocol.md is this output; a test fails when the committed file differs.
    /// </summary>
    public static class ProtocolDiagram
    {
        public static string Render()
        {
            var text = new StringBuilder();
            text.Append("# The socket protocol\n\n")
                .Append("<!-- Generated from src/SocketAnalyzers/Protocol by ProtocolDiagramTests: do not edit by hand. -->\n\n")
                .Append("What the rules and the runtime verifier enforce. Each diagram shows the legal edges of one type; ")
                .Append("a state without an edge for an operation keeps its state. The table below lists what fails, ")
                .Append("with the outcome measured on Linux (.NET 10) and the scenario ids it stands on.\n\n");

            foreach (var api in new[] { SocketApi.Socket, SocketApi.TcpListener, SocketApi.TcpClient, SocketApi.UdpClient, SocketApi.NetworkStream })
            {
                RenderStateDiagram(text, api);
            }

            RenderViolationTable(text);
            return text.ToString();
        }

        private static void RenderStateDiagram(StringBuilder text, SocketApi api)
        {
            text.Append("## ").Append(api).Append("\n\n```mermaid\nstateDiagram-v2\n");
            text.Append("    [*] --> ").Append(SocketState.Created).Append('\n');
            var labels = new Dictionary<(SocketState, SocketState), List<string>>();
            var order = new List<(SocketState, SocketState)>();
            foreach (var edge in ProtocolTable.Transitions)
            {
                if (edge.Api != api)
                {
                    continue;
                }

                var key = (edge.From, edge.To);
                if (!labels.TryGetValue(key, out var list))
                {
                    labels[key] = list = new List<string>();
                    order.Add(key);
                }

                var label = edge.Transport is { } transport ? edge.Operation + " (" + transport + ")" : edge.Operation.ToString();
                if (!list.Contains(label))
                {
                    list.Add(label);
                }
            }

            foreach (var key in order)
            {
                text.Append("    ").Append(key.Item1).Append(" --> ").Append(key.Item2).Append(" : ")
                    .Append(string.Join(", ", labels[key])).Append('\n');
            }

            text.Append("```\n\n");
        }

        private static void RenderViolationTable(StringBuilder text)
        {
            text.Append("## What fails\n\n")
                .Append("| rule | type | operation | in states | transport | what happens | measured in |\n")
                .Append("|---|---|---|---|---|---|---|\n");
            foreach (var rule in ProtocolTable.Rules)
            {
                text.Append("| ").Append(rule.DiagnosticId)
                    .Append(" | ").Append(rule.Api)
                    .Append(" | ").Append(rule.Operation)
                    .Append(" | ").Append(rule.States.ToString().Replace("|", ", "))
                    .Append(" | ").Append(rule.Transport?.ToString() ?? "any").Append(rule.ExceptFamily is { } except ? " (not " + except + ")" : string.Empty)
                    .Append(" | ").Append(rule.Outcome)
                    .Append(" | ").Append(rule.Scenarios)
                    .Append(" |\n");
            }
        }
    }
}
