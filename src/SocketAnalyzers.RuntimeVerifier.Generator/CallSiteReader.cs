using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>Where the receiver came from: a position, and the call that returned it (null for a <c>new</c>).</summary>
    internal sealed record Origin(string File, int Line, int Column, string? Member, bool Accepted);

    /// <summary>Turns an invocation into a <see cref="CallSiteModel"/> when it calls a member the protocol knows.</summary>
    internal static class CallSiteReader
    {
        /// <summary>Every member name of <see cref="ProtocolApiMap.Members"/>: the cheap syntactic prefilter.</summary>
        private static readonly ImmutableHashSet<string> MemberNames = CollectMemberNames();

        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

        /// <summary>Syntax-only filter: an invocation whose invoked name is a protocol member name.</summary>
        public static bool IsCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax invocation
            && InvokedName(invocation.Expression) is { } name
            && MemberNames.Contains(name.ValueText);

        public static CallSiteModel? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            // Bail-outs, in order: (1) not a method (delegate invocation, error); (2) static, non-public or an
            // extension method (user helpers are not protocol members; the calls inside them are intercepted);
            // (3) not a member of a socket API type the protocol knows (a Stream member on a NetworkStream counts);
            // (4) a member that is no protocol operation (Flush) — SetSocketOption is refined at run time;
            // (5) the compiler cannot intercept this call (e.g. a call inside a nameof).
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (context.SemanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || InvokedName(invocation.Expression) is not { } nameToken)
            {
                return null;
            }

            if (method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.ReducedFrom is not null)
            {
                return null;
            }

            var api = ApiOf(method.ContainingType) ?? StreamMemberOfNetworkStream(context.SemanticModel, invocation, method, cancellationToken);
            if (api is not { } knownApi
                || ProtocolApiMap.Find(knownApi, method.Name) is not { } member
                || (member.Operation == SocketOperation.None && method.Name != "SetSocketOption"))
            {
                return null;
            }

            if (context.SemanticModel.GetInterceptableLocation(invocation, cancellationToken) is not { } interceptable)
            {
                return null;
            }

            var parameters = ImmutableArray.CreateBuilder<ParameterModel>();
            foreach (var parameter in method.Parameters)
            {
                parameters.Add(new ParameterModel(Modifier(parameter.RefKind), parameter.Type.ToDisplayString(TypeFormat), "@" + parameter.Name));
            }

            var span = nameToken.GetLocation().GetLineSpan();
            var receiver = ReceiverOf(invocation);
            var creation = CreationOf(context.SemanticModel, receiver, cancellationToken);
            return new CallSiteModel(
                invocation.SyntaxTree.FilePath,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                knownApi.ToString(),
                method.Name,
                method.ContainingType.ToDisplayString(TypeFormat),
                method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(TypeFormat),
                new EquatableArray<ParameterModel>(parameters.ToImmutable()),
                RefinementOf(knownApi, method),
                IsBorrowed(context.SemanticModel, receiver, cancellationToken),
                creation?.Line ?? 0,
                creation?.Column ?? 0,
                creation is { } c && c.File != invocation.SyntaxTree.FilePath ? c.File : null,
                creation?.Member,
                creation?.Accepted ?? false,
                interceptable.GetInterceptsLocationAttributeSyntax(),
                member.Has(ApiTraits.ReturnsAccepted) && IsTaskOfT(method.ReturnType),
                DiagnosticIdOf(method));
        }

        private static bool IsTaskOfT(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "Task", Arity: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        /// <summary>
        /// <c>[Obsolete(DiagnosticId = "SYSLIB…")]</c> or <c>[Experimental("…")]</c> on the member: a custom ID that
        /// the generated file's blanket CS0612/CS0618 suppression does not cover.
        /// </summary>
        private static string? DiagnosticIdOf(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                switch (attribute.AttributeClass?.ToDisplayString())
                {
                    case "System.ObsoleteAttribute":
                        foreach (var argument in attribute.NamedArguments)
                        {
                            if (argument.Key == "DiagnosticId" && argument.Value.Value is string obsoleteId)
                            {
                                return obsoleteId;
                            }
                        }

                        break;
                    case "System.Diagnostics.CodeAnalysis.ExperimentalAttribute":
                        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string experimentalId)
                        {
                            return experimentalId;
                        }

                        break;
                }
            }

            return null;
        }

        private static SyntaxToken? InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier,
            SimpleNameSyntax name => name.Identifier,
            _ => null,
        };

        /// <summary>The receiver expression, or null for an unqualified call (inside a subclass) or a conditional access.</summary>
        private static ExpressionSyntax? ReceiverOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            MemberBindingExpressionSyntax when invocation.Parent is ConditionalAccessExpressionSyntax conditional => conditional.Expression,
            _ => null,
        };

        private static SocketApi? ApiOf(INamedTypeSymbol? type)
        {
            if (type is null || !IsSocketsNamespace(type))
            {
                return null;
            }

            return type.Name switch
            {
                "Socket" => SocketApi.Socket,
                "TcpListener" => SocketApi.TcpListener,
                "TcpClient" => SocketApi.TcpClient,
                "UdpClient" => SocketApi.UdpClient,
                "NetworkStream" => SocketApi.NetworkStream,
                _ => null,
            };
        }

        private static bool IsSocketsNamespace(INamedTypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() == ProtocolApiMap.SocketsNamespace;

        /// <summary><c>stream.ReadExactly(…)</c>, <c>stream.Dispose()</c>: declared on Stream, called on a NetworkStream.</summary>
        private static SocketApi? StreamMemberOfNetworkStream(SemanticModel model, InvocationExpressionSyntax invocation, IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.ContainingType.ToDisplayString() != "System.IO.Stream" || ReceiverOf(invocation) is not { } receiver)
            {
                return null;
            }

            for (var type = model.GetTypeInfo(receiver, cancellationToken).Type as INamedTypeSymbol; type is not null; type = type.BaseType)
            {
                if (ApiOf(type) == SocketApi.NetworkStream)
                {
                    return SocketApi.NetworkStream;
                }
            }

            return null;
        }

        private static OperationRefinement RefinementOf(SocketApi api, IMethodSymbol method)
        {
            var parameters = method.Parameters;
            if (method.Name == "Shutdown" && parameters.Length == 1 && parameters[0].Type.Name == "SocketShutdown")
            {
                return OperationRefinement.ShutdownDirection;
            }

            if (method.Name == "SetSocketOption" && parameters.Length >= 2 && parameters[0].Type.Name == "SocketOptionLevel" && parameters[1].Type.Name == "SocketOptionName")
            {
                return OperationRefinement.SocketOption;
            }

            if (api == SocketApi.UdpClient && (method.Name == "Send" || method.Name == "SendAsync" || method.Name == "BeginSend"))
            {
                foreach (var parameter in parameters)
                {
                    if (parameter.Type.Name == "IPEndPoint" || parameter.Name == "hostname")
                    {
                        return OperationRefinement.ExplicitDestination;
                    }
                }
            }

            return OperationRefinement.None;
        }

        /// <summary><c>client.Client.Send(…)</c>: the socket belongs to its TcpClient, which is what leaks.</summary>
        private static bool IsBorrowed(SemanticModel model, ExpressionSyntax? receiver, CancellationToken cancellationToken) =>
            receiver is MemberAccessExpressionSyntax access
            && model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol property
            && property.Name is "Client" or "Server" or "Socket"
            && ApiOf(property.ContainingType) is not null;

        /// <summary>
        /// What initialised the receiver, when the receiver is a local that is never assigned again or a readonly
        /// field: a <c>new</c> expression (constructors cannot be intercepted, so this is how a leak report names the
        /// line that created the socket), or a call that returned the socket: a method of the program (a factory such
        /// as <c>static Socket Tcp() =&gt; new(…)</c>, private or a local function alike), or an Accept/EndAccept whose
        /// result the verifier could not see being returned (ValueTask and Begin/End accepts). The call is named, and
        /// its socket is not assumed fresh: a factory may hand it out bound or connected.
        /// </summary>
        private static Origin? CreationOf(SemanticModel model, ExpressionSyntax? receiver, CancellationToken cancellationToken)
        {
            var name = receiver switch
            {
                IdentifierNameSyntax identifier => identifier,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } => member,
                _ => null,
            };
            if (name is null)
            {
                return null;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is not (ILocalSymbol or IFieldSymbol { IsReadOnly: true }) || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            if (symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator
                || (symbol is ILocalSymbol && IsAssignedAgain(declarator, name.Identifier.ValueText)))
            {
                return null;
            }

            if (value is BaseObjectCreationExpressionSyntax creation)
            {
                var span = creation.GetLocation().GetLineSpan();
                return new Origin(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, null, false);
            }

            // The declaring tree may be another file than the call site's: ask its own semantic model.
            var declaringModel = declarator.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declarator.SyntaxTree);
            return CallOrigin(declaringModel, value, cancellationToken);
        }

        /// <summary><c>Factory()</c>, <c>await ConnectAsync()</c>, <c>listener.EndAcceptSocket(ar)</c> returning a socket type.</summary>
        private static Origin? CallOrigin(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var awaited = value is AwaitExpressionSyntax awaitExpression;
            var unwrapped = awaited ? ((AwaitExpressionSyntax)value).Expression : value;
            while (unwrapped is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } })
            {
                unwrapped = inner;
            }

            if (unwrapped is not InvocationExpressionSyntax call
                || InvokedName(call.Expression) is not { } callName
                || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var returned = awaited ? AwaitedType(method.ReturnType) : method.ReturnType;
            if (SocketTypeOf(returned) is null)
            {
                return null;
            }

            var endAccept = method.Name.StartsWith("EndAccept", System.StringComparison.Ordinal);
            var accepted = ApiOf(method.ContainingType) is { } api
                && (ProtocolApiMap.Find(api, method.Name)?.Has(ApiTraits.ReturnsAccepted) == true || endAccept);
            if (accepted && !endAccept && !(awaited && method.ReturnType.Name == "ValueTask"))
            {
                // Accept and the Task-returning accepts are intercepted and register their result at run time.
                return null;
            }

            var span = callName.GetLocation().GetLineSpan();
            var member = (method.ReducedFrom ?? method).ContainingType.Name + "." + method.Name;
            return new Origin(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, member, accepted);
        }

        /// <summary>The T of Task&lt;T&gt; or ValueTask&lt;T&gt;, or null.</summary>
        private static ITypeSymbol? AwaitedType(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: 1 } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
                ? named.TypeArguments[0]
                : null;

        /// <summary>Socket, TcpClient, TcpListener or UdpClient (or a subclass): the objects the verifier tracks for leaks.</summary>
        private static SocketApi? SocketTypeOf(ITypeSymbol? type)
        {
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (ApiOf(current) is { } api && api != SocketApi.NetworkStream)
                {
                    return api;
                }
            }

            return null;
        }

        private static bool IsAssignedAgain(VariableDeclaratorSyntax declarator, string name)
        {
            var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.Parent;
            if (scope is null)
            {
                return true;
            }

            foreach (var node in scope.DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } when left.Identifier.ValueText == name:
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } when passed.Identifier.ValueText == name:
                        return true;
                }
            }

            return false;
        }

        private static string Modifier(RefKind refKind) => refKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };

        private static ImmutableHashSet<string> CollectMemberNames()
        {
            var names = new HashSet<string>();
            foreach (var member in ProtocolApiMap.Members)
            {
                names.Add(member.Name);
            }

            return names.ToImmutableHashSet();
        }
    }
}
