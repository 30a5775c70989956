using System.Collections.Generic;

namespace SocketAnalyzers.CorpusGenerator;

/// <summary>An extreme but valid input that stresses one dimension of the analysis (size, nesting, fan-out).</summary>
public sealed record PathologicalInput(string Name, string Description, IReadOnlyList<GeneratedFile> Files);
