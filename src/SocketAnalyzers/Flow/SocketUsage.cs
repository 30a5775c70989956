using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Flow
{
    /// <summary>The cheap prefilter before a flow pass: does a body touch a socket type at all?</summary>
    internal static class SocketUsage
    {
        public static bool Touches(IOperation block, KnownSocketSymbols symbols, SocketOwningTypes owners, CancellationToken cancellationToken)
        {
            foreach (var operation in block.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation.Kind)
                {
                    // Makes or returns one (awaited or not), or calls a member of one.
                    case OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.PropertyReference:
                        if (symbols.TryGetApi(operation.Type, out _)
                            || symbols.TryGetApi(TaskResult(operation.Type), out _)
                            || (operation is IInvocationOperation { Instance: { } instance } && symbols.TryGetApi(instance.Type, out _))
                            || (operation is IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true } extension
                                && extension.Arguments.Length > 0 && symbols.TryGetApi(extension.Arguments[0].Value.Type, out _)))
                        {
                            return true;
                        }

                        // Makes one of the program's socket owners, or gets one from a factory.
                        if (operation.Kind != OperationKind.PropertyReference
                            && (owners.OfResult(operation.Type, cancellationToken) is not null))
                        {
                            return true;
                        }

                        break;

                    // Reads a variable that holds one.
                    case OperationKind.ParameterReference or OperationKind.LocalReference or OperationKind.FieldReference:
                        if (symbols.TryGetApi(operation.Type, out _))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private static ITypeSymbol? TaskResult(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task ? task.TypeArguments[0] : null;
    }
}
