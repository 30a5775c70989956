using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// The buffer an End call (<c>EndReceive</c>, <c>EndRead</c>) completes: an End call has no buffer argument, the
    /// bytes went into the buffer its Begin call was given. Known only for a private callback method whose every Begin
    /// call in its type, every part of it (<c>BeginRead(buffer, 0, buffer.Length, OnRead, …)</c>), passes the same field of the type, from
    /// offset 0 and asking for the whole buffer; otherwise null. Cached per callback (thread-safe).
    /// </summary>
    internal sealed class ApmBuffer
    {
        private readonly ConcurrentDictionary<IMethodSymbol, IFieldSymbol?> buffers = new(SymbolEqualityComparer.Default);

        /// <summary>The field an End call in the named method whose body is <paramref name="function"/> completes into, or null.</summary>
        public IFieldSymbol? Of(IInvocationOperation end, IOperation function, System.Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
        {
            if (end.TargetMethod.Name is not ("EndReceive" or "EndRead") || function is not IMethodBodyOperation
                || function.SemanticModel?.GetDeclaredSymbol(function.Syntax, cancellationToken) is not IMethodSymbol
                {
                    DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary,
                } callback)
            {
                return null;
            }

            return this.buffers.GetOrAdd(callback, c => Find(c, modelOf, cancellationToken));
        }

        private static IFieldSymbol? Find(IMethodSymbol callback, System.Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
        {
            IFieldSymbol? found = null;
            foreach (var reference in callback.ContainingType.DeclaringSyntaxReferences)
            {
                // Every part of a partial type (a form and its designer file) is read, each with its own tree's model.
                var model = modelOf(reference.SyntaxTree);

                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BeginRead" or "BeginReceive" } } begin
                        || !NamesCallback(begin, callback.Name))
                    {
                        continue;
                    }

                    if (WholeBufferField(begin, model, cancellationToken) is not { } field
                        || (found is not null && !SymbolEqualityComparer.Default.Equals(found, field)))
                    {
                        return null;
                    }

                    found = field;
                }
            }

            return found;
        }

        /// <summary><c>OnRead</c>, <c>this.OnRead</c> or <c>new AsyncCallback(OnRead)</c> among the arguments.</summary>
        private static bool NamesCallback(InvocationExpressionSyntax begin, string name)
        {
            foreach (var argument in begin.ArgumentList.Arguments)
            {
                var expression = argument.Expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } inner } ? inner[0].Expression : argument.Expression;
                if (NameOf(expression) == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The field passed as the buffer of <c>Begin…(field, 0, field.Length, …)</c>, or null for any other shape.</summary>
        private static IFieldSymbol? WholeBufferField(InvocationExpressionSyntax begin, SemanticModel model, CancellationToken cancellationToken)
        {
            var arguments = begin.ArgumentList.Arguments;
            if (arguments.Count < 3 || NameOf(arguments[0].Expression) is not { } name
                || arguments[1].Expression is not LiteralExpressionSyntax { Token.ValueText: "0" }
                || arguments[2].Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length", Expression: var sized }
                || NameOf(sized) != name)
            {
                return null;
            }

            return model.GetSymbolInfo(arguments[0].Expression, cancellationToken).Symbol as IFieldSymbol;
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
            _ => null,
        };
    }
}
