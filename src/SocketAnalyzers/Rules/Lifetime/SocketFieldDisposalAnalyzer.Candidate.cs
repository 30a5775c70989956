using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Rules.Lifetime
{
    public sealed partial class SocketFieldDisposalAnalyzer
    {
        /// <summary>A field its type never disposes, pending what the rest of the compilation says about it.</summary>
        private sealed class Candidate
        {
            private readonly Diagnostic diagnostic;
            private readonly IFieldSymbol field;
            private readonly List<IParameterSymbol>? constructorParameters;
            private readonly bool exposesSockets;

            public Candidate(Diagnostic diagnostic, IFieldSymbol field, List<IParameterSymbol>? constructorParameters, bool exposesSockets)
            {
                this.diagnostic = diagnostic;
                this.field = field;
                this.constructorParameters = constructorParameters;
                this.exposesSockets = exposesSockets;
            }

            public Diagnostic? Decide(SocketFieldCompilationFacts facts)
            {
                // 7. Another object closes it (owner.tcp.socket.Close()): the type's owner ends its life.
                if (facts.IsClosedFromOutside(this.field))
                {
                    return null;
                }

                // 8. A socket handed to the constructor is the type's only when every creation gives it one of its own
                // (a per-connection class built on an accepted socket), and the type lets no socket out to be closed elsewhere.
                if (this.constructorParameters is { } parameters)
                {
                    if (this.exposesSockets)
                    {
                        return null;
                    }

                    foreach (var parameter in parameters)
                    {
                        if (!facts.AlwaysGetsAnOwnedSocket(parameter))
                        {
                            return null;
                        }
                    }
                }

                return this.diagnostic;
            }
        }
    }
}
