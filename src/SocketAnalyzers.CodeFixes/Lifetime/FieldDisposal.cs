using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SocketAnalyzers.CodeFixes.Lifetime
{
    /// <summary>
    /// The edit of one SOCK204 finding, validated before the fix is offered: the type declaration to change, and the
    /// statement that disposes the field. <see cref="Apply"/> works on the current (possibly already edited) type,
    /// so several fields of one type compose into one Dispose.
    /// </summary>
    internal sealed class FieldDisposal
    {
        private readonly StatementSyntax statement;
        private readonly bool implement;

        private FieldDisposal(TypeDeclarationSyntax type, string fieldName, StatementSyntax statement, bool implement)
        {
            this.Type = type;
            this.FieldName = fieldName;
            this.statement = statement;
            this.implement = implement;
        }

        public TypeDeclarationSyntax Type { get; }

        public string FieldName { get; }

        public static FieldDisposal? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            // A finding decided at compilation end (a per-connection class, a field other types can reach) is not tied
            // to one document's analysis: the IDE does not fix those, and other types' code is part of the verdict.
            if (diagnostic.Properties.ContainsKey("CompilationEnd"))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var member = node.FirstAncestorOrSelf<SyntaxNode>(n => n is VariableDeclaratorSyntax || n is PropertyDeclarationSyntax);
            if (member?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
                || model.GetDeclaredSymbol(member, cancellationToken) is not { } symbol
                || model.GetDeclaredSymbol(type, cancellationToken) is not { } typeSymbol
                || ((symbol as IFieldSymbol)?.Type ?? (symbol as IPropertySymbol)?.Type) is not { } fieldType
                || CloseMethod(fieldType) is not { } close
                || SocketAnalyzers.Rules.Lifetime.SocketFieldCollector.IsUnityBehaviour(typeSymbol))
            {
                // Unity never calls Dispose on a behaviour: the close belongs in OnDestroy, which the user places.
                return null;
            }

            var declaresDispose = FindDispose(type) is not null;
            var implement = !declaresDispose;
            if (implement && (typeSymbol.AllInterfaces.Any(i => i.Name is "IDisposable" or "IAsyncDisposable") || type is InterfaceDeclarationSyntax))
            {
                // Disposable without a Dispose here: DisposeAsync only, another partial part, or an inherited Dispose.
                return null;
            }

            var qualifier = UsesThisQualifier(type) ? "this." : "";
            var access = fieldType.NullableAnnotation == NullableAnnotation.Annotated ? "?." : ".";
            // Elastic trivia: the formatter lays the statement on its own line, also beside one added by the same FixAll.
            var statement = SyntaxFactory.ParseStatement(qualifier + symbol.Name + access + close + "();")
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return new FieldDisposal(type, symbol.Name, statement, implement);
        }

        public TypeDeclarationSyntax Apply(TypeDeclarationSyntax current)
        {
            if (FindDispose(current) is { } dispose)
            {
                return current.ReplaceNode(dispose, AddStatement(dispose));
            }

            if (!this.implement)
            {
                return current;
            }

            var contract = SyntaxFactory.SimpleBaseType(SyntaxFactory.ParseTypeName("System.IDisposable").WithAdditionalAnnotations(Simplifier.Annotation));
            var method = SyntaxFactory.MethodDeclaration(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)), "Dispose")
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)))
                .WithBody(SyntaxFactory.Block(this.statement))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var withBase = current.BaseList is null
                ? current.WithIdentifier(current.Identifier.WithTrailingTrivia()).WithBaseList(SyntaxFactory.BaseList(SyntaxFactory.SingletonSeparatedList<BaseTypeSyntax>(contract)).WithTrailingTrivia(current.Identifier.TrailingTrivia))
                : current.WithBaseList(AppendBaseType(current.BaseList, contract));
            return withBase.AddMembers(method);
        }

        /// <summary>Adds a base type after the last one, keeping the line break that followed the list.</summary>
        private static BaseListSyntax AppendBaseType(BaseListSyntax list, BaseTypeSyntax added)
        {
            var last = list.Types[list.Types.Count - 1];
            var trailing = last.GetTrailingTrivia();
            var types = list.Types.Replace(last, last.WithoutTrailingTrivia()).Add(added.WithTrailingTrivia(trailing));
            return list.WithTypes(types);
        }

        /// <summary>Dispose(bool) when the type has it, else Dispose() (ordinary or IDisposable.Dispose), with a body or an expression body.</summary>
        private static MethodDeclarationSyntax? FindDispose(TypeDeclarationSyntax type)
        {
            MethodDeclarationSyntax? plain = null;
            foreach (var member in type.Members)
            {
                if (member is MethodDeclarationSyntax { Identifier.ValueText: "Dispose" } method && (method.Body is not null || method.ExpressionBody is not null))
                {
                    if (method.ParameterList.Parameters.Count == 1 && method.ParameterList.Parameters[0].Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.BoolKeyword })
                    {
                        return method;
                    }

                    if (method.ParameterList.Parameters.Count == 0)
                    {
                        plain ??= method;
                    }
                }
            }

            return plain;
        }

        private MethodDeclarationSyntax AddStatement(MethodDeclarationSyntax method)
        {
            var body = method.Body ?? SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(method.ExpressionBody!.Expression));

            // Dispose(bool disposing): managed objects go inside "if (disposing)".
            if (method.ParameterList.Parameters.Count == 1)
            {
                var disposing = method.ParameterList.Parameters[0].Identifier.ValueText;
                foreach (var candidate in body.Statements)
                {
                    if (candidate is IfStatementSyntax { Condition: IdentifierNameSyntax condition, Else: null } guard && condition.Identifier.ValueText == disposing)
                    {
                        var inner = guard.Statement as BlockSyntax ?? SyntaxFactory.Block(guard.Statement);
                        body = body.ReplaceNode(guard, guard.WithStatement(inner.AddStatements(this.statement)));
                        return Finish(method, body);
                    }
                }
            }

            return Finish(method, body.AddStatements(this.statement));
        }

        private static MethodDeclarationSyntax Finish(MethodDeclarationSyntax method, BlockSyntax body) =>
            method.ExpressionBody is null
                ? method.WithBody(body)
                : method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body.WithAdditionalAnnotations(Formatter.Annotation))
                    .WithParameterList(method.ParameterList.WithTrailingTrivia());

        /// <summary>Dispose where the type has it; a TcpListener without Dispose (before .NET 8) is closed by Stop (J7).</summary>
        private static string? CloseMethod(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.GetMembers("Dispose").Any(m => m is IMethodSymbol { Parameters.Length: 0, DeclaredAccessibility: Accessibility.Public }))
                {
                    return "Dispose";
                }
            }

            return type.Name == "TcpListener" ? "Stop" : null;
        }

        private static bool UsesThisQualifier(TypeDeclarationSyntax type) =>
            type.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(access => access.Expression is ThisExpressionSyntax);
    }
}
