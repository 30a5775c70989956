using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.CodeFixes.Lifetime
{
    /// <summary>
    /// The local a lifetime diagnostic's creation initializes, validated for the lifetime fixes: a single-variable
    /// declaration statement directly in a block, whose creation is the whole initializer (an await allowed).
    /// </summary>
    internal sealed class OwnedLocal
    {
        private OwnedLocal(LocalDeclarationStatementSyntax statement, BlockSyntax block, ILocalSymbol symbol)
        {
            this.Statement = statement;
            this.Block = block;
            this.Symbol = symbol;
        }

        public LocalDeclarationStatementSyntax Statement { get; }

        public BlockSyntax Block { get; }

        public ILocalSymbol Symbol { get; }

        public string Name => this.Symbol.Name;

        public static OwnedLocal? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<EqualsValueClauseSyntax>() is not { Parent: VariableDeclaratorSyntax declarator } initializer
                || !IsWholeInitializer(node, initializer.Value)
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                || declaration.Parent is not LocalDeclarationStatementSyntax statement
                || statement.Parent is not BlockSyntax block
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol symbol)
            {
                return null;
            }

            return new OwnedLocal(statement, block, symbol);
        }

        /// <summary>
        /// Whether the local is only used in place (calls on it, a non-owning NetworkStream): never returned, stored,
        /// passed on or captured. Only then can a using be added without closing something handed to another owner.
        /// What a member hands out of the object's own socket (<c>client.GetStream()</c>, <c>client.Client</c>,
        /// <c>listener.Server</c>) is the local too: disposing a TcpClient closes the stream GetStream returned and
        /// its Client socket (J7), so returning either hands out a socket the using would close. A local initialised
        /// with such a member is followed the same way, one level deep.
        /// </summary>
        public bool StaysLocal(SemanticModel model, CancellationToken cancellationToken) =>
            StaysLocal(this.Block, this.Symbol, model, followDerived: true, cancellationToken);

        private static bool StaysLocal(BlockSyntax block, ILocalSymbol symbol, SemanticModel model, bool followDerived, CancellationToken cancellationToken)
        {
            foreach (var identifier in block.DescendantNodes())
            {
                if (identifier is not IdentifierNameSyntax { Identifier.ValueText: var text } name
                    || text != symbol.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
                {
                    continue;
                }

                if (name.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) is not null)
                {
                    return false;
                }

                var use = Outermost(name);
                var derived = false;
                if (SocketHandedOut(use, model, cancellationToken) is { } handout)
                {
                    use = Outermost(handout);
                    derived = true;
                }

                switch (use.Parent)
                {
                    case ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax:
                    case AssignmentExpressionSyntax assignment when assignment.Right == use:
                        return false;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when derived:
                        if (!followDerived
                            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol alias
                            || !StaysLocal(block, alias, model, followDerived: false, cancellationToken))
                        {
                            return false;
                        }

                        break;
                    case EqualsValueClauseSyntax:
                        return false;
                    case ArgumentSyntax argument when derived || !IsNonOwningStream(argument):
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>x.GetStream()</c>, <c>x.Client</c>, <c>x.Server</c>, <c>x.Socket</c> on a System.Net.Sockets type: the
        /// expression that hands out <paramref name="receiver"/>'s socket, or null.
        /// </summary>
        private static ExpressionSyntax? SocketHandedOut(SyntaxNode receiver, SemanticModel model, CancellationToken cancellationToken)
        {
            if (receiver.Parent is not MemberAccessExpressionSyntax access || access.Expression != receiver)
            {
                return null;
            }

            var handsOut = model.GetSymbolInfo(access, cancellationToken).Symbol switch
            {
                IMethodSymbol { Name: "GetStream", Parameters.Length: 0 } method => IsSocketsType(method.ContainingType),
                IPropertySymbol { Name: "Client" or "Server" or "Socket" } property => IsSocketsType(property.ContainingType),
                _ => false,
            };
            if (!handsOut)
            {
                return null;
            }

            return access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access ? invocation : access;
        }

        private static bool IsSocketsType(INamedTypeSymbol? type) =>
            type?.ContainingNamespace?.ToDisplayString() == "System.Net.Sockets";

        private static SyntaxNode Outermost(SyntaxNode name)
        {
            var current = name;
            while (current.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary><c>new NetworkStream(socket)</c> without <c>ownsSocket: true</c> does not take the socket (J7).</summary>
        private static bool IsNonOwningStream(ArgumentSyntax argument) =>
            argument.Parent?.Parent is ObjectCreationExpressionSyntax { Type: var type, ArgumentList: { } list }
            && type.ToString().EndsWith("NetworkStream", System.StringComparison.Ordinal)
            && !(list.Arguments.Count >= 2 && list.Arguments[1].Expression.IsKind(SyntaxKind.TrueLiteralExpression));

        private static bool IsWholeInitializer(SyntaxNode node, ExpressionSyntax value)
        {
            var unwrapped = value is AwaitExpressionSyntax awaited ? awaited.Expression : value;
            while (unwrapped is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } })
            {
                unwrapped = inner;
            }

            return node == value || node == unwrapped;
        }
    }
}
