using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>"Blocks on a socket": SOCK301's helpers, and delegates handed to Task.Run or StartNew for SOCK302.</summary>
    internal sealed partial class SocketWorkSummaries
    {
        /// <summary>
        /// The blocking socket call a method of the compilation makes in its own body (one that could not be known ready),
        /// for a helper called from async code; null when it makes none or cannot be summarised. Cached per method.
        /// </summary>
        public string? BlockingWork(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (method.IsAsync || !this.IsSummarisable(method))
            {
                return null;
            }

            if (this.blocking.TryGetValue(method, out var known))
            {
                return known;
            }

            var body = this.Body(method, cancellationToken);
            var found = body is null ? null : this.BlockingIn(body, method, untilFirstAwait: false, cancellationToken);
            this.blocking[method] = found;
            return found;
        }

        /// <summary>
        /// The blocking socket call a method of the compilation makes in its own body, for a delegate handed to Task.Run
        /// or StartNew: for an async method, the whole body (its task is awaited) or only before its first await (an
        /// <c>async void</c> method returns there). Cached per method and mode.
        /// </summary>
        public string? MethodBlockingWork(IMethodSymbol method, bool untilFirstAwait, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (!method.IsAsync)
            {
                return this.BlockingWork(method, cancellationToken);
            }

            if (!this.IsSummarisable(method))
            {
                return null;
            }

            var cache = untilFirstAwait ? this.blockingBeforeAwait : this.blockingAsync;
            if (cache.TryGetValue(method, out var known))
            {
                return known;
            }

            var body = this.Body(method, cancellationToken);
            var found = body is null ? null : this.BlockingIn(body, method, untilFirstAwait, cancellationToken);
            cache[method] = found;
            return found;
        }

        /// <summary>
        /// The first blocking socket call (not known ready) a function's own body makes, outside its lambdas and local
        /// functions (they may run elsewhere), and before its first await when <paramref name="untilFirstAwait"/>;
        /// walked for at most <see cref="MaxOperations"/> operations.
        /// </summary>
        public string? BlockingIn(IOperation body, ISymbol owner, bool untilFirstAwait, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var function = body.Parent is IAnonymousFunctionOperation or ILocalFunctionOperation ? body.Parent : body;
            FunctionFacts? facts = null;
            var walked = 0;
            foreach (var operation in body.Descendants())
            {
                if (++walked > MaxOperations || (untilFirstAwait && operation is IAwaitOperation))
                {
                    return null;
                }

                if (operation is IInvocationOperation call
                    && BlockingSocketCall.FindMember(call, this.symbols) is { Api: not SocketApi.Dns } member
                    && AsyncCode.EnclosingFunction(call, owner, out _) == function
                    && !BlockingSocketCall.IsKnownReady(call, facts ??= new FunctionFacts(function, this.symbols)))
                {
                    return BlockingSocketCall.Display(member);
                }
            }

            return null;
        }
    }
}
