using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Transfer functions of calls and constructions: protocol operations, ownership, summaries, escape.</summary>
    internal sealed partial class TransferFunctions
    {
        private PointsTo Invoke(IInvocationOperation invocation)
        {
            var result = this.InvokeAndReturn(invocation);
            this.Halted |= NeverReturns(invocation);
            return result;
        }

        private PointsTo InvokeAndReturn(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var symbols = this.analysis.Context.Symbols;
            var receiverOperation = invocation.Instance;
            var member = symbols.FindMember(method);
            var firstArgumentIsReceiver = false;
            if (receiverOperation is null && method.IsExtensionMethod && method.Parameters.Length > 0 && invocation.Arguments.Length > 0
                && symbols.TryGetApi(method.Parameters[0].Type, out var extendedApi)
                && method.ContainingNamespace?.ToDisplayString() == ProtocolApiMap.SocketsNamespace)
            {
                // SocketTaskExtensions.ConnectAsync(socket, …) and friends: the first argument is the receiver.
                member = ProtocolApiMap.Find(extendedApi, method.Name);
                receiverOperation = invocation.Arguments[0].Value;
                firstArgumentIsReceiver = true;
            }

            var receiver = this.Visit(receiverOperation);
            if (IsTaskPassThrough(method))
            {
                // `await s.AcceptAsync().ConfigureAwait(false)`, `t.GetAwaiter().GetResult()`, `t.Wait()`, `WaitAsync`: the task of
                // an accepted socket is the socket itself. These calls keep nothing, and when they throw the accept
                // failed: there is no socket to leak, so no exception leaves with it.
                return method.ReturnsVoid || method.ReturnType.SpecialType == SpecialType.System_Boolean ? PointsTo.Nothing : receiver;
            }

            if (member is null && this.TryAcceptThroughFromAsync(invocation, out var fromAsync))
            {
                return fromAsync;
            }

            var arguments = invocation.Arguments;
            var argumentObjects = arguments.Length == 0 ? System.Array.Empty<PointsTo>() : new PointsTo[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                argumentObjects[i] = firstArgumentIsReceiver && i == 0 ? receiver : this.Visit(arguments[i].Value);
            }

            this.HandOffToFunctions(invocation, argumentObjects);

            // Close and Dispose do not throw (G1, G2): an exception never leaves with the object still open there.
            // Nor does an APM Begin call on a socket or network stream for a network failure: the failure reaches the
            // callback, whose End call throws it (ApmErrorDeliveryTests), so the state the callback received is its own.
            var mayThrow = method.Name is not ("Dispose" or "DisposeAsync" or "Close") && !(member is not null && IsApmBegin(method));
            if (member is not null)
            {
                if (mayThrow)
                {
                    this.MayThrowHere();
                }

                this.HandStateToCallback(invocation, argumentObjects);
                var operation = Refine(member, invocation);
                this.Step(invocation, member, MemberName(invocation.Syntax), member.Name, operation, receiverOperation, receiver);
                this.ApplyOperation(receiver, operation, invocation);
                return this.ResultOf(invocation, member, receiver);
            }

            if (this.CallOwner(invocation, receiverOperation, receiver, argumentObjects) is { } ownerResult)
            {
                return ownerResult;
            }

            if (!receiver.HasNoObject && method.Name is "Dispose" or "DisposeAsync" or "Close" && method.Parameters.Length == 0)
            {
                // IDisposable.Dispose through the interface: how `using` disposes.
                this.Step(invocation, null, MemberName(invocation.Syntax), method.Name, SocketOperation.Close, receiverOperation, receiver);
                this.ApplyOperation(receiver, SocketOperation.Close, invocation);
                return PointsTo.Nothing;
            }

            if (!receiver.HasNoObject && symbols.TryGetApi(method.ContainingType, out _)
                && method.ContainingNamespace?.ToDisplayString() == ProtocolApiMap.SocketsNamespace)
            {
                // A member of the socket type itself that does not change the protocol state (Poll, GetSocketOption, …).
                if (mayThrow)
                {
                    this.MayThrowHere();
                }

                if (method.Name == "DuplicateAndClose")
                {
                    // Hands the socket to another process, which owns it from then on (Windows; elsewhere it throws
                    // PlatformNotSupportedException first, so it is no protocol Close).
                    this.TransferOwnership(receiver);
                }

                this.EscapeArguments(arguments, argumentObjects, firstArgumentIsReceiver);
                return this.UntrackedIfSocket(invocation);
            }

            var socketFailure = ExceptionSources.MayRaiseSocketException(method);
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                // A delegate or event runs whatever its subscribers do, network code included: unlike logging or a
                // collection, its failure is no programming error, and it leaves with the sockets this body still owns.
                this.MayThrowHere();
            }

            if (!receiver.HasNoObject && !method.IsStatic && OwnershipAnnotations.IsLibraryStreamWrapper(receiverOperation?.Type))
            {
                // Reading or writing through a library reader or stream over a tracked stream (ReadLine, Write, Flush)
                // uses the stream and keeps nothing: the wrapper is followed as the stream itself.
                if (mayThrow)
                {
                    this.MayThrowHere();
                }

                this.PassToUnknownCode(method, arguments, argumentObjects);
                return this.UntrackedIfSocket(invocation);
            }

            var beforeCall = mayThrow ? this.BeforeHandOff(argumentObjects, socketFailure, receiver) : null;
            var result = this.CallUnknownOrSummarized(invocation, receiver, argumentObjects);
            if (beforeCall is not null)
            {
                this.MayThrowAfterHandOff(beforeCall, argumentObjects, socketFailure);
            }

            return result;
        }

        /// <summary>
        /// A summary tells what a callee does to the sockets it is given, what it returns, and whether a static callee
        /// leaves fields alone. A call with none of those to tell (a logger, a parser) is taken as unknown code without
        /// one: summarising it would bind its body a second time for nothing, the largest cost on large code bases.
        /// </summary>
        private bool NeedsSummary(IInvocationOperation invocation, PointsTo[] argumentObjects)
        {
            foreach (var objects in argumentObjects)
            {
                if (!objects.HasNoObject)
                {
                    return true;
                }
            }

            var symbols = this.analysis.Context.Symbols;
            if (invocation.Type is { } type
                && (symbols.TryGetApi(type, out _)
                    || this.analysis.Context.Owners.OfResult(type, this.analysis.CancellationToken) is not null
                    || (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && symbols.TryGetApi(generic.TypeArguments[0], out _))))
            {
                return true;
            }

            return this.analysis.HasMemberVariables && invocation.TargetMethod.IsStatic;
        }

        /// <summary>
        /// The state argument of an APM call (<c>BeginAccept(callback, state)</c>, <c>BeginReceive(…, callback, state)</c>)
        /// reaches the callback as <c>IAsyncResult.AsyncState</c>: the callback holds it now.
        /// </summary>
        private void HandStateToCallback(IInvocationOperation invocation, PointsTo[] argumentObjects)
        {
            for (var i = 0; i < argumentObjects.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is { Name: "state", Type.SpecialType: SpecialType.System_Object })
                {
                    this.Escape(argumentObjects[i]);
                }
            }
        }

        private static bool IsApmBegin(IMethodSymbol method) =>
            method.Name.StartsWith("Begin", System.StringComparison.Ordinal) && method.ReturnType is { Name: "IAsyncResult", ContainingNamespace.Name: "System" };

        private static bool IsTaskPassThrough(IMethodSymbol method) =>
            method.Name is "ConfigureAwait" or "GetAwaiter" or "GetResult" or "Wait" or "WaitAsync" && !method.IsStatic
            && method.ContainingNamespace?.ToDisplayString() is "System.Threading.Tasks" or "System.Runtime.CompilerServices";

        private PointsTo CallUnknownOrSummarized(IInvocationOperation invocation, PointsTo receiver, PointsTo[] argumentObjects)
        {
            var summary = this.NeedsSummary(invocation, argumentObjects) ? this.analysis.GetSummary(invocation.TargetMethod) : null;
            if (summary is null)
            {
                this.analysis.HasUnknownCalls = true;
                this.Escape(receiver);
                this.PassToUnknownCode(invocation.TargetMethod, invocation.Arguments, argumentObjects, this.StoresIntoUnreleasedCollection(invocation));
                this.HavocMembers();
                this.ReleaseHeldIfReached(invocation, invocation.Arguments);
                return this.ResultOfUnknownCall(invocation);
            }

            this.Escape(receiver);
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                var parameter = invocation.Arguments[i].Parameter;
                var effect = parameter is not null && parameter.Ordinal < summary.Parameters.Length ? summary.Parameters[parameter.Ordinal] : null;
                if (OwnershipAnnotations.TakesOwnership(parameter))
                {
                    this.TransferOwnership(argumentObjects[i]);
                }
                else if (effect is null)
                {
                    this.Escape(argumentObjects[i]);
                }
                else
                {
                    this.ApplyEffect(argumentObjects[i], effect, invocation);
                }

                if (parameter is { RefKind: RefKind.Out or RefKind.Ref })
                {
                    // Summaries follow objects, not variables: what the callee stores through ref/out is not known.
                    this.ForgetTargets(invocation.Arguments[i].Value);
                }
            }

            if (summary.TouchesMembers)
            {
                this.HavocMembers();
                this.ReleaseHeldIfReached(invocation, invocation.Arguments);
            }

            if (summary.Returned is { } returned && this.analysis.Objects.ForOperation(invocation, SocketOriginKind.SummarizedCall) is { } origin)
            {
                origin.OwningWrapper ??= this.analysis.Context.Owners.OfResult(invocation.Type, this.analysis.CancellationToken)?.Type;
                this.NoteRecreation(origin);
                this.Renew(origin.Id);
                this.state.SetObject(origin.Id, returned);
                return PointsTo.Object(origin.Id);
            }

            return this.UntrackedIfSocket(invocation);
        }

        private PointsTo Create(IObjectCreationOperation creation)
        {
            var symbols = this.analysis.Context.Symbols;
            var arguments = creation.Arguments;
            var argumentObjects = arguments.Length == 0 ? System.Array.Empty<PointsTo>() : new PointsTo[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                argumentObjects[i] = this.Visit(arguments[i].Value);
            }

            this.Visit(creation.Initializer);
            if (symbols.TryGetApi(creation.Type, out var typed) && creation.Constructor is null)
            {
                foreach (var objects in argumentObjects)
                {
                    this.Escape(objects);
                }

                return this.CreateUnbound(creation, typed);
            }

            if (!symbols.TryGetApi(creation.Type, out var api) || creation.Constructor is not { } constructor)
            {
                if (creation.Constructor is { } ownerConstructor && this.CreateOwner(creation, ownerConstructor, argumentObjects) is { } owned)
                {
                    return owned;
                }

                // A wrapper of this compilation or of a library (SslStream, StreamReader, …) may keep the socket.
                var socketFailure = ExceptionSources.MayRaiseSocketException(creation.Constructor);
                var beforeCall = this.BeforeHandOff(argumentObjects, socketFailure);
                this.ReleaseHeldIfReached(null, arguments);
                if (creation.Constructor is { } streamWrapper && OwnershipAnnotations.OwnedStreamArgument(streamWrapper, arguments) is var wrapped and >= 0
                    && !argumentObjects[wrapped].HasNoObject)
                {
                    // A reader, writer or stream over a tracked stream owns it: it is followed as that stream (J7).
                    var others = (PointsTo[])argumentObjects.Clone();
                    others[wrapped] = PointsTo.Nothing;
                    this.PassToUnknownCode(streamWrapper, arguments, others);
                    if (beforeCall is not null)
                    {
                        this.MayThrowAfterHandOff(beforeCall, argumentObjects, socketFailure);
                    }

                    return argumentObjects[wrapped];
                }

                if (creation.Constructor is { } wrapper)
                {
                    this.PassToUnknownCode(wrapper, arguments, argumentObjects);
                }
                else
                {
                    this.EscapeArguments(arguments, argumentObjects, false);
                }

                if (beforeCall is not null)
                {
                    this.MayThrowAfterHandOff(beforeCall, argumentObjects, socketFailure);
                }

                return PointsTo.Nothing;
            }

            this.MayThrowHere();

            if (api == SocketApi.NetworkStream)
            {
                this.WrapInStream(creation, argumentObjects);
            }
            else
            {
                this.EscapeArguments(arguments, argumentObjects, false);
            }

            if (this.analysis.Objects.ForOperation(creation, SocketOriginKind.Creation) is not { } origin)
            {
                return PointsTo.Untracked;
            }

            var value = ConstructedValue(creation, constructor, api, symbols);
            if (api == SocketApi.NetworkStream && !OwnsSocket(creation))
            {
                // A stream that does not own its socket holds no descriptor: disposing it releases nothing (J7).
                value = value.WithOwnership(Ownership.Unknown);
            }

            this.NoteRecreation(origin);
            this.Renew(origin.Id);
            this.state.SetObject(origin.Id, value);
            return PointsTo.Object(origin.Id);
        }

        private static SocketValue ConstructedValue(IObjectCreationOperation creation, IMethodSymbol constructor, SocketApi api, KnownSocketSymbols symbols)
        {
            if (api == SocketApi.Socket)
            {
                // new Socket(family, type, protocol) and new Socket(type, protocol) (a dual-mode IPv6 socket);
                // a socket made from a handle or SocketInformation may be in any state.
                var parameters = constructor.Parameters;
                if (parameters.Length == 3 && SymbolEqualityComparer.Default.Equals(parameters[0].Type, symbols.AddressFamily))
                {
                    var kind = SocketConstructorRules.KindOf(Constant(creation, 0, symbols.AddressFamily), Constant(creation, 1, symbols.SocketType));
                    return SocketValue.Created(api, kind, SocketState.Created, Ownership.Owned, creation);
                }

                if (parameters.Length == 2 && SymbolEqualityComparer.Default.Equals(parameters[0].Type, symbols.SocketType))
                {
                    var kind = SocketConstructorRules.KindOf(SocketConstructorRules.FamilyInterNetworkV6, Constant(creation, 0, symbols.SocketType));
                    return SocketValue.Created(api, kind, SocketState.Created, Ownership.Owned, creation);
                }

                return SocketValue.UnknownOf(api, SocketKind.Unknown).WithOwnership(Ownership.Owned);
            }

            var names = new string[constructor.Parameters.Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = constructor.Parameters[i].Type.Name;
            }

            var state = ProtocolApiMap.ConstructedState(api, names);
            return SocketValue.Created(api, Kinds.Of(api), state, Ownership.Owned, creation);
        }

        private void WrapInStream(IObjectCreationOperation creation, PointsTo[] argumentObjects)
        {
            var arguments = creation.Arguments;
            for (var i = 0; i < arguments.Length; i++)
            {
                var parameter = arguments[i].Parameter;
                if (parameter is null || !this.analysis.Context.Symbols.TryGetApi(parameter.Type, out var parameterApi) || parameterApi != SocketApi.Socket)
                {
                    continue;
                }

                var socket = argumentObjects[i];
                this.Step(creation, null, CreationName(creation.Syntax), "new NetworkStream", SocketOperation.WrapInStream, arguments[i].Value, socket);
                this.ApplyOperation(socket, SocketOperation.WrapInStream, creation);

                // A NetworkStream owns its socket only when asked to (ownsSocket: true).
                if (OwnsSocket(creation))
                {
                    this.TransferOwnership(socket);
                }
            }
        }

        private static bool OwnsSocket(IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "ownsSocket" && argument.Value.ConstantValue is { HasValue: true, Value: bool owns })
                {
                    return owns;
                }
            }

            return false;
        }

        private static int? Constant(IObjectCreationOperation creation, int ordinal, INamedTypeSymbol? type) =>
            SocketArguments.TryGetConstant(creation, ordinal, type, out var value) ? value : null;

        private void EscapeArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, PointsTo[] argumentObjects, bool skipFirst)
        {
            for (var i = skipFirst ? 1 : 0; i < argumentObjects.Length; i++)
            {
                this.Escape(argumentObjects[i]);
                if (arguments[i].Parameter is { RefKind: RefKind.Out or RefKind.Ref } && arguments[i].Value is ILocalReferenceOperation or IParameterReferenceOperation)
                {
                    // Written through ref/out by code the analysis cannot see.
                    this.ForgetTargets(arguments[i].Value);
                }
            }
        }

        /// <summary>Fields and properties of this object may have been changed by the call.</summary>
        private void HavocMembers()
        {
            if (!this.analysis.HasMemberVariables)
            {
                return;
            }

            foreach (var index in this.analysis.Variables.Members)
            {
                foreach (var id in this.state.GetVariable(index))
                {
                    if (this.state.GetObject(id) is { } value && !value.IsUnknown)
                    {
                        this.state.SetObject(id, value.ToUnknown());
                    }
                }
            }
        }
    }
}
