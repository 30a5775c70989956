using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// The target frameworks test code compiles against. References come from the Basic.Reference.Assemblies
    /// packages, so no test downloads a reference pack at run time.
    /// </summary>
    public enum TestFramework
    {
        Net80,
        Net100,

        /// <summary>netstandard.dll 2.0 (from the NETStandard.Library package): where newer overloads are missing.</summary>
        NetStandard20,
    }

    internal static class TestFrameworks
    {
        /// <summary>An empty set: the library resolves nothing, and the references below are added instead.</summary>
        public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

        public static ImmutableArray<MetadataReference> References(TestFramework framework) => framework switch
        {
            TestFramework.NetStandard20 => ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(
                System.IO.Path.Combine(System.AppContext.BaseDirectory, "References", "netstandard2.0", "netstandard.dll"))),
            TestFramework.Net80 => ImmutableArray<MetadataReference>.CastUp(Basic.Reference.Assemblies.Net80.References.All.ToImmutableArray()),
            _ => ImmutableArray<MetadataReference>.CastUp(Basic.Reference.Assemblies.Net100.References.All.ToImmutableArray()),
        };
    }
}
