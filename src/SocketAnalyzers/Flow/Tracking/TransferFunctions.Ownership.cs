using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Ownership at calls the analysis cannot see into: annotations users already have, and what passing a socket
    /// to unknown code means (<see cref="FlowContext.UnknownCallsKeepOwnership"/>).
    /// </summary>
    internal sealed partial class TransferFunctions
    {
        /// <summary>Arguments of a method or constructor without a summary.</summary>
        private void PassToUnknownCode(IMethodSymbol callee, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, PointsTo[] argumentObjects, bool keptWithoutRelease = false)
        {
            var keep = this.analysis.Context.UnknownCallsKeepOwnership || keptWithoutRelease;
            for (var i = 0; i < argumentObjects.Length; i++)
            {
                var parameter = arguments[i].Parameter;
                if (OwnershipAnnotations.TakesOwnership(parameter))
                {
                    this.TransferOwnership(argumentObjects[i]);
                }
                else if (keptWithoutRelease || (keep && !OwnershipAnnotations.MayKeepArgument(callee, parameter, arguments)) || OwnershipAnnotations.LeavesOpen(callee, parameter, arguments))
                {
                    this.Lend(argumentObjects[i]);
                }
                else
                {
                    this.Escape(argumentObjects[i]);
                }

                if (parameter is { RefKind: RefKind.Out or RefKind.Ref } && arguments[i].Value is ILocalReferenceOperation or IParameterReferenceOperation)
                {
                    // Written through ref/out by code the analysis cannot see.
                    this.ForgetTargets(arguments[i].Value);
                }
            }
        }

        /// <summary>
        /// <c>clients.Add(socket)</c> into a private collection field that its type never lets go of
        /// (<see cref="UnreleasedCollections"/>): the collection keeps a reference, but nothing will close the socket
        /// through it, so the caller's obligation stays.
        /// </summary>
        private bool StoresIntoUnreleasedCollection(IInvocationOperation invocation) =>
            invocation.Instance is IFieldReferenceOperation { Field: var field, Instance: null or IInstanceReferenceOperation }
            && invocation.TargetMethod.Name is "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" or "AddLast" or "AddFirst"
            && UnreleasedCollections.NeverReleases(field, this.analysis.Context.Symbols, this.analysis.CancellationToken);

        /// <summary>
        /// The descriptor of a <c>GetStream()</c> stream or of a <c>Client</c>/<c>Server</c> socket is its wrapper's
        /// (J7: disposing either closes both): handing one off — returned, stored, closed by a callee — hands off the
        /// wrapper's obligation too.
        /// </summary>
        internal void HandOffWrappersOf(PointsTo objects, Ownership handedAs)
        {
            foreach (var id in objects)
            {
                if (this.analysis.Objects.Get(id).WrappedBy is not { } wrapper || wrapper == id || this.state.GetObject(wrapper) is not { } owner)
                {
                    continue;
                }

                if ((owner.Ownership & Ownership.Owned) != 0)
                {
                    this.state.SetObject(wrapper, owner.WithOwnership((owner.Ownership & ~Ownership.Owned) | handedAs));
                }
                else if (handedAs != Ownership.None && (owner.Ownership & Ownership.Unknown) != 0)
                {
                    // A wrapper this body does not own (a parameter): closing or handing on its stream does the same to
                    // it, which is what a summary tells callers (a handler's `using var s = client.GetStream()`, or a
                    // reader over that stream, closes their client).
                    this.state.SetObject(wrapper, owner.WithOwnership((owner.Ownership & ~Ownership.Unknown) | handedAs));
                }
            }
        }

        /// <summary>
        /// Something that never returns: a <c>[DoesNotReturn]</c> method (throw helpers, <c>Environment.Exit</c> and
        /// <c>FailFast</c> on .NET, declared by name for older references too), or a sleep without end.
        /// </summary>
        private static bool NeverReturns(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "DoesNotReturnAttribute")
                {
                    return true;
                }
            }

            // The name first: formatting the containing type for every call of a body was a measurable share of the engine.
            if (method.Name is not ("Exit" or "FailFast" or "Sleep"))
            {
                return false;
            }

            var type = method.ContainingType?.ToDisplayString();
            return (type == "System.Environment" && method.Name is "Exit" or "FailFast")
                || (type == "System.Threading.Thread" && method.Name == "Sleep" && invocation.Arguments.Length == 1
                    && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: -1 });
        }

        /// <summary>Before an object is (re)created at its origin: the previous one is lost if still owned (loops).</summary>
        private void NoteRecreation(SocketOrigin origin)
        {
            this.NoteRecreationWhileHeld(origin);
            this.state.MarkPresent(origin.Id);
            if (this.recording && this.state.GetObject(origin.Id) is { } previous && (previous.Ownership & Ownership.Owned) != 0)
            {
                this.analysis.NoteRecreatedWhileOwned(origin.Id);
            }
        }

        /// <summary>The result of a call without a summary: owned when the method is annotated [MustDisposeResource].</summary>
        private PointsTo ResultOfUnknownCall(IInvocationOperation invocation)
        {
            if (OwnershipAnnotations.ReturnsOwned(invocation.TargetMethod)
                && this.analysis.Context.Symbols.TryGetApi(invocation.Type, out var api)
                && this.analysis.Objects.ForOperation(invocation, SocketOriginKind.SummarizedCall) is { } origin)
            {
                this.NoteRecreation(origin);
                this.state.SetObject(origin.Id, SocketValue.UnknownOf(api, Kinds.Of(api)).WithOwnership(Ownership.Owned));
                return PointsTo.Object(origin.Id);
            }

            return this.UntrackedIfSocket(invocation);
        }
    }
}
