using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// What a private or readonly field is ever given: its initializer and every assignment to it in its type (only
    /// its own code can store into it). The receive rules ask whether all of them are datagram sockets, or readers over
    /// a network stream. A constructor's parameter stored as it is (<c>this.reader = reader;</c>) stands for the
    /// arguments of every creation of the type, when only this compilation can create it (<see cref="CreationArguments"/>).
    /// </summary>
    internal static class StoredFieldValues
    {
        /// <summary>
        /// Whether the field is given at least one value other than null and every one passes <paramref name="test"/>
        /// (the value's semantic model and expression); false for a field code outside its type may write, unless
        /// <paramref name="othersMayWrite"/> (the caller's question holds whatever others store). A null (<c>= null</c>,
        /// <c>default</c>) is skipped: a call on it throws, it never reaches a receive.
        /// </summary>
        public static bool All(IFieldSymbol field, Func<SyntaxTree, SemanticModel> modelOf, Func<SemanticModel, ExpressionSyntax, bool> test, bool othersMayWrite = false, System.Threading.CancellationToken cancellationToken = default)
        {
            if (!othersMayWrite && !field.IsReadOnly && field.DeclaredAccessibility != Accessibility.Private)
            {
                return false; // others may store anything in it
            }

            var values = 0;
            foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
            {
                var model = modelOf(typeReference.SyntaxTree);
                foreach (var node in typeReference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    var value = node switch
                    {
                        VariableDeclaratorSyntax { Initializer.Value: var initial } declarator when declarator.Identifier.ValueText == field.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator)?.OriginalDefinition, field) => initial,
                        AssignmentExpressionSyntax { Left: var left, Right: var right } when NameOf(left) == field.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(left).Symbol?.OriginalDefinition, field) => right,
                        _ => null,
                    };
                    if (value is null || IsNull(value))
                    {
                        continue;
                    }

                    if (ConstructorParameter(model, value) is { } parameter)
                    {
                        if (!CreationArguments.All(parameter, modelOf, test, cancellationToken))
                        {
                            return false;
                        }
                    }
                    else if (!test(model, value))
                    {
                        return false;
                    }

                    values++;
                }
            }

            return values > 0;
        }

        /// <summary>A parameter of the type's own constructor, stored as it is.</summary>
        private static IParameterSymbol? ConstructorParameter(SemanticModel model, ExpressionSyntax value) =>
            value is IdentifierNameSyntax && model.GetSymbolInfo(value).Symbol is IParameterSymbol { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } } parameter
                ? parameter
                : null;

        private static bool IsNull(ExpressionSyntax value)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized.Expression;
            }

            return value.Kind() is SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression or SyntaxKind.DefaultExpression;
        }

        private static string? NameOf(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
            _ => null,
        };
    }
}
