using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>What the flow-based lifetime checkers share: which objects are this body's to close, names and places.</summary>
    internal static class LifetimeFindings
    {
        /// <summary>Made here (constructor), by a method whose summary or annotation hands it over, or accepted.</summary>
        public static bool IsOwnedOrigin(SocketOrigin origin) =>
            origin.Kind is SocketOriginKind.Creation or SocketOriginKind.SummarizedCall or SocketOriginKind.Accepted or SocketOriginKind.HandedParameter;

        /// <summary>
        /// A handler's parameter that no path of the handler closes or hands on: its callers' summary of the handler says
        /// so, and they report the leak where they made the socket (one finding per leak).
        /// </summary>
        public static bool CallersReport(SocketFlowResult result, SocketOrigin origin) =>
            origin.Kind == SocketOriginKind.HandedParameter && result.NormalExit.IsReachable
            && ValueAt(result.NormalExit, origin.Id)?.Ownership == Ownership.Owned;

        /// <summary>Still owned on some path reaching the exit: neither closed, handed off nor escaped there.</summary>
        public static bool LeaksAt(FlowExit exit, int id)
        {
            if (!exit.IsReachable)
            {
                return false;
            }

            foreach (var tracked in exit.Objects)
            {
                if (tracked.Origin.Id == id)
                {
                    return (tracked.Value.Ownership & Ownership.Owned) != 0;
                }
            }

            return false;
        }

        /// <summary>
        /// Why the object leaks on a normal path (the message's second argument), or null: still owned at the normal
        /// exit, or created again in a loop while the previous one was still owned.
        /// </summary>
        public static string? Leak(SocketFlowResult result, SocketOrigin origin)
        {
            if (CallersReport(result, origin))
            {
                return null;
            }

            if (result.RecreatedWhileOwned.Contains(origin.Id))
            {
                return "the next iteration replaces it while it is still open";
            }

            // When the program's entry point returns, the process ends and the system closes what is still open; a body
            // that runs once per process (what the entry point calls or starts once) leaves it open once, until then.
            if (LeaksAt(result.NormalExit, origin.Id) && !result.RunsOncePerProcess)
            {
                return ValueAt(result.NormalExit, origin.Id)?.Ownership == Ownership.Owned
                    ? "no path closes it before the method ends"
                    : "some path reaches the end of the method with it still open";
            }

            return null;
        }

        /// <summary><c>static Main</c> (any of its signatures) or the top-level statements.</summary>
        public static bool IsEntryPoint(ISymbol? owner) => ProcessLifetime.IsEntryPoint(owner);

        private static SocketValue? ValueAt(FlowExit exit, int id)
        {
            foreach (var tracked in exit.Objects)
            {
                if (tracked.Origin.Id == id)
                {
                    return tracked.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// The variable the object is first stored in, or the creating expression; for a socket of the program's own
        /// owner type (<c>new Entry(new TcpClient())</c>), the variable of the owner, and the owner's type.
        /// </summary>
        public static string DisplayName(SocketOrigin origin)
        {
            var name = PlainName(origin);
            return origin.OwningWrapper is { } owner ? name + " (" + owner.Name + ")" : name;
        }

        /// <summary>The variable the object is first stored in (or the owner's variable), without the owner's name.</summary>
        public static string? VariableName(SocketOrigin origin) => PlainName(origin) is { Length: > 0 } name && SyntaxFacts.IsValidIdentifier(name) ? name : null;

        /// <summary>For a message with no name slot (SOCK203): the program's owner type that holds the socket, or "".</summary>
        public static string OwnerNote(SocketOrigin origin) =>
            origin.OwningWrapper is { } owner ? " (held by '" + owner.Name + "', which closes it in Dispose)" : string.Empty;

        private static string PlainName(SocketOrigin origin)
        {
            for (var current = origin.Operation?.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IArgumentOperation { Parent: IObjectCreationOperation created }
                        when origin.OwningWrapper is { } owner && SymbolEqualityComparer.Default.Equals(created.Type?.OriginalDefinition, owner.OriginalDefinition):
                        // Handed to the owner's constructor: named by the owner's variable.
                        current = created;
                        continue;
                    case IConversionOperation or IAwaitOperation or IParenthesizedOperation:
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" }:
                        continue;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return declarator.Symbol.Name;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local }:
                        return local.Local.Name;
                }

                break;
            }

            if (origin.Operation is null && origin.Symbol is { } symbol)
            {
                return symbol.Name;
            }

            var text = origin.Operation?.Syntax.ToString() ?? "?";
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        /// <summary>The end of the body the result belongs to: its closing brace, or the end of an expression body.</summary>
        public static Location ExitLocation(SocketFlowResult result)
        {
            var syntax = result.Graph.OriginalOperation.Syntax;
            var last = syntax.GetLastToken();
            return last.GetLocation();
        }
    }
}
