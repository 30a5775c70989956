using System.Collections.Generic;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>Every kind of ordinary (non-socket) file, with its folder; most lines of the corpus come from these.</summary>
internal static class OrdinaryShapes
{
    public static readonly IReadOnlyList<string> Usings =
    [
        "System", "System.Collections.Concurrent", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq",
        "System.Runtime.CompilerServices", "System.Text", "System.Text.Json", "System.Threading", "System.Threading.Tasks",
    ];

    public static readonly IReadOnlyList<ShapeDefinition> All =
    [
        new("Models", "Domain/Models", Usings, ModelsShape.Write),
        new("QueryService", "Application/Queries", Usings, QueryServiceShape.Write),
        new("Validator", "Application/Validation", Usings, ValidatorShape.Write),
        new("Configuration", "Infrastructure/Configuration", Usings, ConfigurationShape.Write),
        new("StateMachine", "Domain/Workflows", Usings, StateMachineShape.Write),
        new("FileStore", "Infrastructure/Storage", Usings, FileStoreShape.Write),
        new("Utilities", "Common", Usings, UtilitiesShape.Write),
        new("Repository", "Application/Repositories", Usings, RepositoryShape.Write),
        new("RetryPolicy", "Infrastructure/Resilience", Usings, RetryPolicyShape.Write),
        new("TextUtilities", "Common/Text", Usings, TextUtilitiesShape.Write),
    ];
}
