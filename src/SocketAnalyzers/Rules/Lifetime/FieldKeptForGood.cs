using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// A private socket field its type fills only with sockets it makes (<c>new TcpClient(…)</c>, <c>new Socket(…)</c>,
    /// an accept) and uses only through calls that neither close it nor hand it or its stream on (<c>client.Send(…)</c>,
    /// <c>client.Connected</c>, <c>client != null</c>): the type keeps each socket for good, and nothing else can reach it.
    /// Writing a new one over it drops the old one for good — a leak as sure as dropping a field the type does close.
    /// Read from syntax once per field (cached); any use not listed counts as a way out.
    /// </summary>
    internal static class FieldKeptForGood
    {
        private static readonly ConditionalWeakTable<ISymbol, StrongBox<bool>> Cache = new ConditionalWeakTable<ISymbol, StrongBox<bool>>();

        public static bool Holds(ISymbol member, CancellationToken cancellationToken) =>
            member.DeclaredAccessibility == Accessibility.Private && member.ContainingType is { } type
            && Cache.GetValue(member.OriginalDefinition, m => new StrongBox<bool>(Compute(type, m.Name, cancellationToken))).Value;

        private static bool Compute(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
        {
            var stores = 0;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator && declarator.Identifier.ValueText == name
                        && declarator.Parent?.Parent is FieldDeclarationSyntax)
                    {
                        if (!IsMadeHere(initial))
                        {
                            return false;
                        }

                        stores++;
                        continue;
                    }

                    if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name
                        || (identifier.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == identifier && qualified.Expression is not ThisExpressionSyntax))
                    {
                        continue;
                    }

                    ExpressionSyntax use = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self ? self : identifier;
                    switch (use.Parent)
                    {
                        case AssignmentExpressionSyntax assignment when assignment.Left == use && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                            if (!IsMadeHere(assignment.Right))
                            {
                                return false;
                            }

                            stores++;
                            break;
                        case MemberAccessExpressionSyntax member when member.Expression == use && Inert(member.Name.Identifier.ValueText):
                        case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                            break;
                        case ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } } conditional
                            when conditional.Expression == use && Inert(binding.Name.Identifier.ValueText):
                            break;
                        default:
                            return false;
                    }
                }
            }

            return stores > 0;
        }

        /// <summary>Members that use a socket without closing it or giving it, or a stream over it, to anyone.</summary>
        private static bool Inert(string member) =>
            !FieldClosingEvidence.IsClosingName(member)
            && member is not ("Shutdown" or "Disconnect" or "DisconnectAsync" or "GetStream" or "Client" or "Server" or "Socket" or "DuplicateAndClose" or "Handle" or "SafeHandle");

        /// <summary>A socket the type makes itself: a creation, an accept, or null.</summary>
        private static bool IsMadeHere(ExpressionSyntax value)
        {
            while (value is ParenthesizedExpressionSyntax or AwaitExpressionSyntax)
            {
                value = value is AwaitExpressionSyntax awaited ? awaited.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
            }

            return value is BaseObjectCreationExpressionSyntax
                || value.IsKind(SyntaxKind.NullLiteralExpression)
                || value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var called } }
                    && (called.StartsWith("Accept", System.StringComparison.Ordinal) || called.StartsWith("EndAccept", System.StringComparison.Ordinal));
        }
    }
}
