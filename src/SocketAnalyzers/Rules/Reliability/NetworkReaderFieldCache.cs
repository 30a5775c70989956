using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a private or readonly field only ever holds a reader (or stream) over a network stream: its initializer and
    /// every assignment in its type are <c>new StreamReader(client.GetStream())</c>, or a wrapper around a local that holds
    /// a network stream in that function. One answer per field and compilation (thread-safe; racing threads agree).
    /// </summary>
    internal sealed class NetworkReaderFieldCache
    {
        private readonly ConcurrentDictionary<IFieldSymbol, bool> answers = new(SymbolEqualityComparer.Default);

        public bool IsNetworkReader(IFieldSymbol field, ReceiveContext context)
        {
            field = field.OriginalDefinition;
            if (this.answers.TryGetValue(field, out var known))
            {
                return known;
            }

            var answer = Compute(field, context);
            this.answers.TryAdd(field, answer);
            return answer;
        }

        private static bool Compute(IFieldSymbol field, ReceiveContext context)
        {
            if (!field.IsReadOnly && field.DeclaredAccessibility != Accessibility.Private)
            {
                return false; // others may store anything in it
            }

            var values = 0;
            foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
            {
                var model = context.Helpers.ModelOf(typeReference.SyntaxTree);
                foreach (var node in typeReference.GetSyntax().DescendantNodes())
                {
                    var value = node switch
                    {
                        VariableDeclaratorSyntax { Initializer.Value: var initial } declarator when declarator.Identifier.ValueText == field.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator)?.OriginalDefinition, field) => initial,
                        AssignmentExpressionSyntax { Left: var left, Right: var right } when NameOf(left) == field.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(left).Symbol?.OriginalDefinition, field) => right,
                        _ => null,
                    };
                    if (value is null)
                    {
                        continue;
                    }

                    if (model.GetOperation(value) is not { } operation || model.GetEnclosingSymbol(value.SpanStart) is not { } member)
                    {
                        return false;
                    }

                    var function = context.Functions.Get(AsyncCode.EnclosingFunction(operation, member, out _));
                    if (!NetworkStreamWrappers.IsOverNetworkStream(operation, function, context.Symbols))
                    {
                        return false;
                    }

                    values++;
                }
            }

            return values > 0;
        }

        private static string? NameOf(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
            _ => null,
        };
    }
}
