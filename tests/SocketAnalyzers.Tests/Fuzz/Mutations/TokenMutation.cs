using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>A mutation of one token, picked at random among the tokens the mutation applies to.</summary>
    internal abstract class TokenMutation : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var candidates = SourceTokens.Of(text).Where(this.AppliesTo).ToImmutableArray();
            return candidates.IsEmpty ? null : this.Edit(text, candidates[random.Next(candidates.Length)], random);
        }

        protected virtual bool AppliesTo(SyntaxToken token) => true;

        protected abstract AppliedMutation Edit(string text, SyntaxToken token, Random random);
    }
}
