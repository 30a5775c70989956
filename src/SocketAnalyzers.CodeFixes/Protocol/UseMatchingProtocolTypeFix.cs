using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.CodeFixes.FixAll;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.CodeFixes.Protocol
{
    /// <summary>
    /// SOCK109: replaces the ProtocolType argument with the one that matches the socket type
    /// (Stream → Tcp, Dgram → Udp on IP; Unspecified on Unix). No fix when no single protocol is right.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseMatchingProtocolTypeFix))]
    [Shared]
    public sealed class UseMatchingProtocolTypeFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.InvalidSocketConstructorArguments + ".UseMatchingProtocolType";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.InvalidSocketConstructorArguments);

        public override FixAllProvider GetFixAllProvider() => OneActionFixAllProvider.For(WellKnownFixAllProviders.BatchFixer, EquivalenceKey);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creationSyntax
                    || model.GetOperation(creationSyntax, context.CancellationToken) is not IObjectCreationOperation creation
                    || creationSyntax.ArgumentList is not { Arguments.Count: 3 } arguments
                    || SocketArguments.ConstantOrNull(creation, 0) is not { } family
                    || SocketArguments.ConstantOrNull(creation, 1) is not { } type
                    || SocketConstructorRules.MatchingProtocol(family, type) is not { } protocol
                    || SocketArguments.ConstantOrNull(creation, 2) is not { } written
                    || written == protocol
                    || IsIcmp(written))
                {
                    continue;
                }

                var protocolName = ProtocolName(protocol);
                var protocolArgument = arguments.Arguments[2];
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use ProtocolType." + protocolName,
                        token => ReplaceAsync(context.Document, protocolArgument, protocolName, token),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>
        /// An ICMP protocol on a stream or datagram socket most likely means a ping socket was intended (a raw socket,
        /// or a Linux ping socket): replacing it with TCP or UDP would guess wrong, so no fix is offered.
        /// </summary>
        private static bool IsIcmp(int protocol) => protocol is SocketConstructorRules.ProtocolIcmp or SocketConstructorRules.ProtocolIcmpV6;

        private static string ProtocolName(int protocol) => protocol switch
        {
            SocketConstructorRules.ProtocolTcp => "Tcp",
            SocketConstructorRules.ProtocolUdp => "Udp",
            _ => "Unspecified",
        };

        private static async Task<Document> ReplaceAsync(Document document, ArgumentSyntax argument, string protocolName, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Keep the qualifier the user wrote (ProtocolType.Udp, System.Net.Sockets.ProtocolType.Udp, …).
            ExpressionSyntax replacement = argument.Expression is MemberAccessExpressionSyntax access
                ? access.WithName(SyntaxFactory.IdentifierName(protocolName))
                : SyntaxFactory.ParseExpression("System.Net.Sockets.ProtocolType." + protocolName);
            var newArgument = argument.WithExpression(replacement.WithTriviaFrom(argument.Expression));
            return document.WithSyntaxRoot(root.ReplaceNode(argument, newArgument));
        }
    }
}
