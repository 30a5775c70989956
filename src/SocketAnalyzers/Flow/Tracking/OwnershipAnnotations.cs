using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Ownership annotations, matched by attribute name in any namespace so that users can declare them themselves:
    /// JetBrains.Annotations <c>[MustDisposeResource]</c> (on a method: the caller owns the result) and
    /// <c>[HandlesResourceDisposal]</c> (on a parameter: the callee takes ownership), and our own
    /// <c>[TakesOwnership]</c> (on a parameter, same meaning) for code without JetBrains.Annotations.
    /// </summary>
    internal static class OwnershipAnnotations
    {
        public const string MustDisposeResource = "MustDisposeResourceAttribute";

        public const string HandlesResourceDisposal = "HandlesResourceDisposalAttribute";

        public const string TakesOwnershipAttribute = "TakesOwnershipAttribute";

        public static bool TakesOwnership(IParameterSymbol? parameter) =>
            parameter is not null
            && (Has(parameter.GetAttributes(), HandlesResourceDisposal) || Has(parameter.GetAttributes(), TakesOwnershipAttribute));

        /// <summary>[MustDisposeResource] on the method or its return value (JetBrains' [MustDisposeResource(false)] opts out).</summary>
        public static bool ReturnsOwned(IMethodSymbol method) =>
            IsMustDispose(method.GetAttributes()) || IsMustDispose(method.GetReturnTypeAttributes());

        /// <summary>
        /// Whether unknown code may keep the argument even when unknown calls are assumed not to: a stream or reader
        /// wrapper constructor (it owns the stream it wraps unless told to leave it open), or a method that stores
        /// into a collection.
        /// </summary>
        public static bool MayKeepArgument(IMethodSymbol callee, IParameterSymbol? parameter, ImmutableArray<IArgumentOperation> arguments)
        {
            if (callee.MethodKind == MethodKind.Constructor)
            {
                return parameter?.Type.Name == "Stream" && DerivesFromStreamOrReader(callee.ContainingType) && !HasLeaveOpen(arguments);
            }

            return callee.Name is "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" or "AddLast" or "AddFirst" or "GetOrAdd" or "AddOrUpdate" or "TryUpdate" or "Post";
        }

        /// <summary>
        /// A stream or reader wrapper constructor told to leave the wrapped stream open (<c>leaveOpen: true</c>,
        /// <c>leaveInnerStreamOpen: true</c>): it does not take the stream, whatever the ownership policy.
        /// </summary>
        public static bool LeavesOpen(IMethodSymbol callee, IParameterSymbol? parameter, ImmutableArray<IArgumentOperation> arguments)
        {
            if (callee.MethodKind != MethodKind.Constructor || parameter?.Type.Name != "Stream" || !DerivesFromStreamOrReader(callee.ContainingType))
            {
                return false;
            }

            return HasLeaveOpen(arguments);
        }

        private static bool HasLeaveOpen(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name is "leaveOpen" or "leaveInnerStreamOpen"
                    && argument.Value.ConstantValue is { HasValue: true, Value: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The argument a library stream or reader wrapper is built over and owns (<c>new StreamReader(stream)</c>,
        /// <c>new SslStream(stream)</c>, <c>new BinaryWriter(stream)</c>; not with <c>leaveOpen: true</c>), or -1.
        /// Disposing the wrapper disposes that stream (socket-semantics J7), and the wrapper goes wherever the stream
        /// would: the flow analysis follows the wrapper as the stream itself.
        /// </summary>
        public static int OwnedStreamArgument(IMethodSymbol constructor, ImmutableArray<IArgumentOperation> arguments)
        {
            if (constructor.MethodKind != MethodKind.Constructor || !IsLibraryStreamWrapper(constructor.ContainingType) || HasLeaveOpen(arguments))
            {
                return -1;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter is { Type.Name: "Stream", Type.ContainingNamespace.Name: "IO" })
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>A stream, text reader/writer or binary reader/writer of a referenced library (not the program's own).</summary>
        public static bool IsLibraryStreamWrapper(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.DeclaringSyntaxReferences.IsEmpty
            && (DerivesFromStreamOrReader(named)
                || (named.Name is "BinaryReader" or "BinaryWriter" && named.ContainingNamespace?.ToDisplayString() == "System.IO"));

        private static bool DerivesFromStreamOrReader(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name is "Stream" or "TextReader" or "TextWriter" && current.ContainingNamespace?.ToDisplayString() == "System.IO")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMustDispose(ImmutableArray<AttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass?.Name == MustDisposeResource)
                {
                    return attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not false;
                }
            }

            return false;
        }

        private static bool Has(ImmutableArray<AttributeData> attributes, string name)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass?.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
