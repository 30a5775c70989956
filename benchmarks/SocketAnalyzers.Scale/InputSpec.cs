using System;
using System.Globalization;
using System.Linq;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// Names an input so that a child process can rebuild it: <c>scale:&lt;lines&gt;:&lt;seed&gt;</c> (the generated
    /// corpus, deterministic) or <c>pathological:&lt;name&gt;</c>.
    /// </summary>
    internal static class InputSpec
    {
        public static string Scale(int lines, int seed) =>
            "scale:" + lines.ToString(CultureInfo.InvariantCulture) + ":" + seed.ToString(CultureInfo.InvariantCulture);

        public static string Pathological(string name) => "pathological:" + name;

        public static SourceSet Resolve(string spec)
        {
            var parts = spec.Split(':');
            if (parts.Length == 3 && parts[0] == "scale")
            {
                var lines = int.Parse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture);
                var seed = int.Parse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture);
                return SourceSet.FromGenerated(spec, SocketCorpus.Generate(lines, seed));
            }

            if (parts.Length == 2 && parts[0] == "pathological")
            {
                var input = PathologicalInputs.Create().Concat(StressInputs.Create()).FirstOrDefault(i => i.Name == parts[1])
                    ?? throw new ArgumentException("No pathological input " + parts[1]);
                return SourceSet.FromGenerated(spec, input.Files);
            }

            throw new ArgumentException("Bad input " + spec + ": expected scale:<lines>:<seed> or pathological:<name>");
        }
    }
}
