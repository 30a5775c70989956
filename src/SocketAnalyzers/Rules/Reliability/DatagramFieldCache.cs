using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a field of the compilation only ever holds a datagram socket: its initializer and every assignment to it
    /// in its type are <c>new Socket(…, SocketType.Dgram, …)</c> or <c>udpClient.Client</c>. One answer per field and
    /// compilation (thread-safe; both racing threads compute the same answer).
    /// </summary>
    internal sealed class DatagramFieldCache
    {
        private readonly ReceiveHelperCache helpers;
        private readonly ConcurrentDictionary<IFieldSymbol, bool> answers = new(SymbolEqualityComparer.Default);

        public DatagramFieldCache(ReceiveHelperCache helpers) => this.helpers = helpers;

        public bool IsDatagram(IFieldSymbol field, KnownSocketSymbols symbols)
        {
            field = field.OriginalDefinition;
            if (this.answers.TryGetValue(field, out var known))
            {
                return known;
            }

            var answer = this.Compute(field, symbols);
            this.answers.TryAdd(field, answer);
            return answer;
        }

        private bool Compute(IFieldSymbol field, KnownSocketSymbols symbols)
        {
            if (!field.IsReadOnly && field.DeclaredAccessibility != Accessibility.Private)
            {
                return false; // others may store anything in it
            }

            var values = 0;
            foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
            {
                var model = this.helpers.ModelOf(typeReference.SyntaxTree);
                foreach (var node in typeReference.GetSyntax().DescendantNodes())
                {
                    ExpressionSyntax? value = node switch
                    {
                        VariableDeclaratorSyntax { Initializer.Value: var initial } declarator when declarator.Identifier.ValueText == field.Name => initial,
                        AssignmentExpressionSyntax { Left: var left, Right: var right } when NameOf(left) == field.Name => right,
                        _ => null,
                    };
                    if (value is null)
                    {
                        continue;
                    }

                    if (node is AssignmentExpressionSyntax assignment
                        && !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol?.OriginalDefinition, field))
                    {
                        continue;
                    }

                    if (node is VariableDeclaratorSyntax declaratorNode
                        && !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declaratorNode)?.OriginalDefinition, field))
                    {
                        continue;
                    }

                    if (model.GetOperation(value) is not { } operation || !ReceiveCalls.IsDatagramSocket(operation, symbols))
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
