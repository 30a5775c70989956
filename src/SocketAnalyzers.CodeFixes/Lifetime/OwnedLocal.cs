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
        /// </summary>
        public bool StaysLocal(SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var identifier in this.Block.DescendantNodes())
            {
                if (identifier is not IdentifierNameSyntax { Identifier.ValueText: var text } name
                    || text != this.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, this.Symbol))
                {
                    continue;
                }

                if (name.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) is not null)
                {
                    return false;
                }

                // The stream of GetStream() and the Client/Server socket share the local's descriptor (J7): handing them
                // off hands the local off (`return client.GetStream();`).
                if (SharedWrapperValue(name) is { } shared && !StaysInPlace(Outermost(shared), model, cancellationToken))
                {
                    return false;
                }

                switch (Outermost(name).Parent)
                {
                    case ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax:
                    case AssignmentExpressionSyntax assignment when assignment.Right == Outermost(name):
                    case EqualsValueClauseSyntax:
                        return false;
                    case ArgumentSyntax argument when !IsNonOwningStream(argument):
                        return false;
                }
            }

            return true;
        }

        /// <summary><c>x.GetStream()</c>, <c>x.Client</c>, <c>x.Server</c> for the local <c>x</c>, or null.</summary>
        private static ExpressionSyntax? SharedWrapperValue(IdentifierNameSyntax name) => name.Parent switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetStream" } access when access.Expression == name && access.Parent is InvocationExpressionSyntax call => call,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Client" or "Server" } access when access.Expression == name => access,
            _ => null,
        };

        /// <summary>Not returned, stored in a field or property, or passed to a method (a local variable may hold it).</summary>
        private static bool StaysInPlace(SyntaxNode value, SemanticModel model, CancellationToken cancellationToken) => value.Parent switch
        {
            ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax => false,
            AssignmentExpressionSyntax assignment when assignment.Right == value => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is ILocalSymbol,
            ArgumentSyntax => false,
            _ => true,
        };

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
