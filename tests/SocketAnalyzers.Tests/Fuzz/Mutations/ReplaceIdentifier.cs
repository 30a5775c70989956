using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>
    /// Renames one identifier to another of the sample or to a word of the socket vocabulary: code that parses but
    /// binds differently (a TcpClient where a Socket was, Accept where Listen was, Dgram for Stream), so the rules and
    /// fixes meet valid-looking shapes their tests did not write.
    /// </summary>
    internal sealed class ReplaceIdentifier : TokenMutation
    {
        private static readonly string[] Vocabulary =
        {
            "Socket", "TcpClient", "TcpListener", "UdpClient", "NetworkStream", "Stream", "Dgram", "Raw", "Tcp", "Udp", "Unix",
            "InterNetwork", "Listen", "Bind", "Accept", "AcceptAsync", "Connect", "ConnectAsync", "Receive", "ReceiveAsync",
            "Send", "SendAsync", "ReceiveFrom", "Dispose", "Close", "Shutdown", "GetStream", "Client", "Read", "ReadAsync",
            "Write", "Available", "Poll", "Wait", "Result", "ReuseAddress", "Blocking", "var", "dynamic", "nameof",
        };

        protected override bool AppliesTo(SyntaxToken token) => token.IsKind(SyntaxKind.IdentifierToken);

        protected override AppliedMutation Edit(string text, SyntaxToken token, Random random)
        {
            var replacement = random.Next(2) == 0 ? Vocabulary[random.Next(Vocabulary.Length)] : AnotherIdentifier(text, random);
            return new AppliedMutation($"rename '{token.Text}' at {token.SpanStart} to '{replacement}'", SourceTokens.Replace(text, token.Span, replacement));
        }

        private static string AnotherIdentifier(string text, Random random)
        {
            var identifiers = SourceTokens.Of(text).Where(token => token.IsKind(SyntaxKind.IdentifierToken)).ToArray();
            return identifiers[random.Next(identifiers.Length)].Text;
        }
    }
}
