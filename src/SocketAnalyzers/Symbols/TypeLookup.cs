using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Symbols
{
    /// <summary>
    /// Type lookup that tolerates duplicates: <c>GetTypeByMetadataName</c> returns null when two references
    /// define a type (polyfills), so prefer the framework's definition.
    /// </summary>
    internal static class TypeLookup
    {
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            INamedTypeSymbol? fallback = null;
            foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
            {
                if (candidate.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                if (candidate.ContainingAssembly?.Name is { } name && name.StartsWith("System", System.StringComparison.Ordinal))
                {
                    return candidate;
                }

                fallback ??= candidate;
            }

            return fallback;
        }
    }
}
