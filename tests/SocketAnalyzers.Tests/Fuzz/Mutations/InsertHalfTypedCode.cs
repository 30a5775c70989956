using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>
    /// Inserts code caught mid-keystroke, the input an IDE analyzer sees most: a member access with no name or half a
    /// name (<c>socket.</c>, <c>s.Rec</c>), a call or constructor with no closing parenthesis, a declaration with no
    /// value. Half the time the receiver is an identifier of the sample itself, so the access binds to a real socket
    /// local; the text goes at a statement position (after <c>;</c> or <c>{</c>) or before any token.
    /// </summary>
    internal sealed class InsertHalfTypedCode : IMutation
    {
        private static readonly string[] Fragments =
        {
            "socket.", "s.Rec", "new Socket(", "await client.", "using var x = ", "listener.Accept", "stream.Read(buffer, ",
            "new TcpClient().", "socket?.", "s.Send(", "s.Listen(", "new Socket(AddressFamily.InterNetwork, SocketType.",
            "client.GetStream().", "var x = s.", "await s.ReceiveAsync(", "s.Dispose", "using (", "s = ", "_ = await ",
        };

        private static readonly string[] MemberNames =
        {
            "Listen", "Bind", "Connect", "Accept", "Receive", "Send", "Shutdown", "Close", "Dispose", "GetStream", "ReceiveAsync",
            "SendAsync", "ConnectAsync", "AcceptSocketAsync", "AcceptTcpClientAsync", "Available", "Client", "ReadExactly", "SetSocketOption",
        };

        public AppliedMutation? Apply(string text, Random random)
        {
            var tokens = SourceTokens.Of(text);
            var fragment = random.Next(2) == 0 || !tokens.Any(IsIdentifier) ? Fragments[random.Next(Fragments.Length)] : Access(tokens.Where(IsIdentifier).ToArray(), random);
            var statementEnds = tokens.Where(token => token.IsKind(SyntaxKind.SemicolonToken) || token.IsKind(SyntaxKind.OpenBraceToken)).ToArray();
            var offset = random.Next(2) == 0 && statementEnds.Length > 0
                ? statementEnds[random.Next(statementEnds.Length)].Span.End
                : tokens.IsEmpty ? text.Length : tokens[random.Next(tokens.Length)].SpanStart;
            return new AppliedMutation($"insert '{fragment}' at {offset}", SourceTokens.Replace(text, new TextSpan(offset, 0), " " + fragment));
        }

        private static bool IsIdentifier(SyntaxToken token) => token.IsKind(SyntaxKind.IdentifierToken);

        /// <summary><c>name.</c> or <c>name.Prefix</c> of a socket member, sometimes with an open argument list.</summary>
        private static string Access(SyntaxToken[] identifiers, Random random)
        {
            var member = MemberNames[random.Next(MemberNames.Length)];
            var typed = member[..random.Next(member.Length + 1)];
            var open = typed.Length == member.Length && random.Next(2) == 0 ? "(" : string.Empty;
            return identifiers[random.Next(identifiers.Length)].Text + "." + typed + open;
        }
    }
}
