using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// A buffer handed to other code with no size beside it (<c>Decode(buffer)</c>, <c>Parse(buffer, session)</c>,
    /// <c>Deserialize(buffer)</c>): the callee cannot know how many bytes the receive brought, so it reads the whole
    /// buffer (or guesses its end from the bytes themselves, stale ones included). Not when the callee fills the buffer
    /// (a receive helper, <c>Clear</c>, <c>Fill</c>), returns it to a pool, or takes it as anything but bytes
    /// (<c>Console.WriteLine(object)</c>); not when any other argument is a number (it may be the size).
    /// </summary>
    internal static class WholeBuffer
    {
        public static bool HandedOnAlone(IInvocationOperation call, IArgumentOperation buffer, ReceiveContext context, CancellationToken cancellationToken)
        {
            if (MayFill(call.TargetMethod.Name) || buffer.Parameter is not { RefKind: RefKind.None } parameter || !IsBytes(parameter.Type))
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument != buffer && argument.ArgumentKind == ArgumentKind.Explicit && IsNumber(argument.Value.Type))
                {
                    return false;
                }
            }

            // Code of the compilation is read: it must not receive into or write the parameter.
            return !context.Helpers.IsInCompilation(call.TargetMethod) || !CalleeWrites(call.TargetMethod, parameter, cancellationToken);
        }

        /// <summary>
        /// A call that does not bind (a missing library's <c>Packet.Deserialize(buffer)</c>, <c>Decode(buffer, session)</c>)
        /// with the buffer as an argument of its own and every other argument of a known type that is not a number.
        /// </summary>
        public static bool HandedOnAlone(IInvalidOperation call, IOperation buffer)
        {
            if (call.Syntax is not InvocationExpressionSyntax invocation || call.SemanticModel is not { } model
                || MayFill(invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    SimpleNameSyntax name => name.Identifier.ValueText,
                    _ => "Read",
                }))
            {
                return false;
            }

            var found = false;
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return false;
                }

                if (argument.Expression == buffer.Syntax)
                {
                    found = true;
                }
                else if (model.GetTypeInfo(argument.Expression).Type is not { TypeKind: not TypeKind.Error } type || IsNumber(type))
                {
                    return false; // it may be the size
                }
            }

            return found;
        }

        /// <summary>Names of calls that write into a buffer or give it away rather than read it.</summary>
        private static bool MayFill(string name) =>
            name is "Clear" or "Fill" or "Resize" or "Return" or "Initialize"
            || name.StartsWith("Read", StringComparison.Ordinal) || name.StartsWith("Receive", StringComparison.Ordinal)
            || name.StartsWith("Begin", StringComparison.Ordinal) || name.StartsWith("Fill", StringComparison.Ordinal);

        /// <summary><c>byte[]</c>, or a span, memory, segment or sequence of bytes.</summary>
        private static bool IsBytes(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } => true,
            INamedTypeSymbol { TypeArguments: { Length: 1 } arguments } => arguments[0].SpecialType == SpecialType.System_Byte,
            _ => false,
        };

        private static bool IsNumber(ITypeSymbol? type) =>
            type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Byte or SpecialType.System_SByte;

        /// <summary>
        /// Whether the callee's body may put bytes into the parameter: an element assignment, an increment, a ref or out
        /// argument, or the parameter handed to a call named as a fill or a receive. Read by syntax; a callee without one
        /// body (abstract, partial, extern) may do anything.
        /// </summary>
        private static bool CalleeWrites(IMethodSymbol callee, IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            if (callee.DeclaringSyntaxReferences.Length != 1 || callee.IsAbstract || callee.IsVirtual || callee.IsOverride || callee.IsExtern)
            {
                return true;
            }

            var name = parameter.Name;
            foreach (var node in callee.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                switch (identifier.Parent)
                {
                    case ElementAccessExpressionSyntax element when element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element
                        || element.Parent is PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax:
                        return true;
                    case AssignmentExpressionSyntax assigned when assigned.Left == identifier:
                        return true; // another array from here on: not followed
                    case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                        return true;
                    case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation }:
                        var called = invocation.Expression switch
                        {
                            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => "Read",
                        };
                        if (MayFill(called) || called is "Copy" or "BlockCopy" or "CopyTo")
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }
    }
}
