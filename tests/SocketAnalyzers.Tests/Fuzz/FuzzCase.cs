using System.Collections.Immutable;
using System.Text;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>One fuzzer input: the seed that made it, the sample it started from, the mutations, the text they gave.</summary>
    internal sealed record FuzzCase(int Seed, Sample Sample, ImmutableArray<string> Mutations, string Text)
    {
        /// <summary>Everything needed to reproduce the case by hand or with <c>SOCKETANALYZERS_FUZZ_SEED</c>.</summary>
        public string Describe()
        {
            var builder = new StringBuilder()
                .Append("seed ").Append(Seed).Append(" (SOCKETANALYZERS_FUZZ_SEED=").Append(Seed).Append(")\n")
                .Append("sample ").Append(Sample.Origin).Append('\n');
            foreach (var mutation in Mutations)
            {
                builder.Append("  - ").Append(mutation).Append('\n');
            }

            return builder.Append("----- mutated source -----\n").Append(Text).Append("\n----- end of mutated source -----").ToString();
        }
    }
}
