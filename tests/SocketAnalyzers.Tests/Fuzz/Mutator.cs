using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SocketAnalyzers.Tests.Fuzz.Mutations;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Turns a seed into a fuzz case: the seed alone picks the sample and one to three mutations, so a failing case is
    /// reproduced from its seed (on the same samples: the harvest is ordered, see <see cref="SampleHarvester"/>).
    /// </summary>
    internal static class Mutator
    {
        private static readonly IMutation[] Kinds =
        {
            new DeleteToken(), new DuplicateToken(), new DeleteLine(), new DuplicateLine(), new SwapLines(),
            new Truncate(), new InsertHalfTypedCode(), new InsertHalfTypedCode(), new DropBrace(), new InsertBrace(), new ReplaceIdentifier(),
        };

        /// <summary>Half-typed code is listed twice: it is what analyzers meet most while someone types.</summary>
        public static IReadOnlyList<IMutation> MutationKinds => Kinds;

        public static FuzzCase Create(int seed, IReadOnlyList<Sample> samples)
        {
            var random = new Random(seed);
            var sample = samples[random.Next(samples.Count)];
            var text = sample.Text;
            var applied = ImmutableArray.CreateBuilder<string>();
            for (var count = 1 + random.Next(3); count > 0; count--)
            {
                if (Kinds[random.Next(Kinds.Length)].Apply(text, random) is { } mutation)
                {
                    applied.Add(mutation.Description);
                    text = mutation.Text;
                }
            }

            return new FuzzCase(seed, sample, applied.ToImmutable(), text);
        }
    }
}
