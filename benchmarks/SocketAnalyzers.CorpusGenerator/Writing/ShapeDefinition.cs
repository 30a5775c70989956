using System;
using System.Collections.Generic;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>
/// One kind of file the corpus holds. <paramref name="Write"/> writes the body (types) and returns the main type
/// name, which names the file.
/// </summary>
internal sealed record ShapeDefinition(string Kind, string Folder, IReadOnlyList<string> Usings, Func<ShapeContext, string> Write)
{
    public static readonly IReadOnlyList<string> SocketUsings =
    [
        "System", "System.Buffers", "System.Collections.Concurrent", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net",
        "System.Net.Security", "System.Net.Sockets", "System.Text", "System.Threading", "System.Threading.Tasks",
    ];
}
