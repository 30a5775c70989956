using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// What a constructor's parameter is ever given: the argument of every creation of its type with that constructor,
    /// when nothing outside this compilation can call it (a private constructor, or a type that is not public) and the
    /// constructor never assigns the parameter. A reference to the constructor that is not a plain creation (a
    /// <c>: this(…)</c> or <c>: base(…)</c> call, a creation that does not bind) lets anything in.
    /// </summary>
    internal static class CreationArguments
    {
        public static bool All(IParameterSymbol parameter, Func<SyntaxTree, SemanticModel> modelOf, Func<SemanticModel, ExpressionSyntax, bool> test, System.Threading.CancellationToken cancellationToken = default)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol constructor || !OnlyThisCompilationCreates(constructor)
                || constructor.DeclaringSyntaxReferences.Length != 1 || AssignsParameter(constructor, parameter, cancellationToken))
            {
                return false;
            }

            var type = constructor.ContainingType;
            var creations = 0;
            foreach (var tree in ModelCompilation(constructor, modelOf).SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken).ToString();
                if (!Mentions(text, type.Name))
                {
                    continue; // neither `new Handler(`, an alias of it, nor a target-typed `new(` can create it here
                }

                // Every creation of a tree that may create it is bound: an alias (`using H = Handler; new H(…)`) names
                // the type differently.
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case BaseObjectCreationExpressionSyntax creation:
                            model ??= modelOf(tree);
                            if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation operation)
                            {
                                if (creation is ObjectCreationExpressionSyntax { Type: var named } && LastName(named) == type.Name)
                                {
                                    return false; // a creation of that name that does not bind: it may be this one
                                }

                                continue;
                            }

                            if (!SymbolEqualityComparer.Default.Equals(operation.Constructor?.OriginalDefinition, constructor.OriginalDefinition))
                            {
                                continue;
                            }

                            if (Argument(operation, parameter) is not { } argument || !test(model, argument))
                            {
                                return false;
                            }

                            creations++;
                            break;
                        case ConstructorInitializerSyntax initializer:
                            model ??= modelOf(tree);
                            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(initializer, cancellationToken).Symbol?.OriginalDefinition, constructor.OriginalDefinition))
                            {
                                return false;
                            }

                            break;
                    }
                }
            }

            return creations > 0;
        }

        private static Compilation ModelCompilation(IMethodSymbol constructor, Func<SyntaxTree, SemanticModel> modelOf) =>
            modelOf(constructor.DeclaringSyntaxReferences[0].SyntaxTree).Compilation;

        /// <summary>A private constructor, or one of a type no other assembly can see (InternalsVisibleTo aside).</summary>
        private static bool OnlyThisCompilationCreates(IMethodSymbol constructor)
        {
            if (constructor.DeclaredAccessibility == Accessibility.Private)
            {
                return true;
            }

            for (INamedTypeSymbol? type = constructor.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AssignsParameter(IMethodSymbol constructor, IParameterSymbol parameter, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var node in constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } && target.Identifier.ValueText == parameter.Name
                    || node is ArgumentSyntax { Expression: IdentifierNameSyntax passed } argument && passed.Identifier.ValueText == parameter.Name && !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The type's name in the text, a target-typed <c>new(</c>, or a <c>\u</c> escape (which may spell the name in a
        /// way the text does not show).
        /// </summary>
        private static bool Mentions(string text, string name) =>
            text.IndexOf(name, StringComparison.Ordinal) >= 0 || text.IndexOf("new(", StringComparison.Ordinal) >= 0
            || text.IndexOf("new (", StringComparison.Ordinal) >= 0 || text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string? LastName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            _ => null,
        };

        private static ExpressionSyntax? Argument(IObjectCreationOperation creation, IParameterSymbol parameter)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal && argument.ArgumentKind == ArgumentKind.Explicit
                    && argument.Syntax is ArgumentSyntax { Expression: var expression })
                {
                    return expression;
                }
            }

            return null;
        }
    }
}
