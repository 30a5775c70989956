using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Symbols
{
    /// <summary>
    /// Type lookup that tolerates duplicates: <c>GetTypeByMetadataName</c> returns null when two references
    /// define a type (polyfills), so prefer the framework's definition.
    /// </summary>
    /// <remarks>
    /// A top-level type is found through the compilation's global namespace, the one the compiler binds names in:
    /// its merged namespaces are built once per compilation (the compiler builds the same ones for a <c>using</c>),
    /// and only the assemblies that declare the namespace are asked for the type. <c>GetTypesByMetadataName</c>
    /// asks every referenced assembly, parsing the name again for each: about 170 assemblies in a .NET reference
    /// set, most of our cost on a small project (docs/performance.md, "Small projects"). A type no namespace
    /// reaches (an assembly referenced only through an <c>extern alias</c>), and a nested or generic name, are still
    /// found the old way.
    /// </remarks>
    internal static class TypeLookup
    {
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            if (metadataName.IndexOf('+') >= 0 || metadataName.IndexOf('`') >= 0)
            {
                return Pick(compilation.GetTypesByMetadataName(metadataName));
            }

            if (FindInNamespaces(compilation, metadataName) is { } found)
            {
                return found;
            }

            return HasAliasedReference(compilation) ? Pick(compilation.GetTypesByMetadataName(metadataName)) : null;
        }

        /// <summary>An assembly referenced under an alias contributes nothing to the global namespace.</summary>
        private static bool HasAliasedReference(Compilation compilation)
        {
            foreach (var reference in compilation.References)
            {
                if (!reference.Properties.Aliases.IsDefaultOrEmpty)
                {
                    return true;
                }
            }

            return false;
        }

        private static INamedTypeSymbol? FindInNamespaces(Compilation compilation, string metadataName)
        {
            var parts = metadataName.Split('.');
            INamespaceSymbol? current = compilation.GlobalNamespace;
            for (var i = 0; i < parts.Length - 1 && current is not null; i++)
            {
                current = Namespace(current, parts[i]);
            }

            if (current is null)
            {
                return null;
            }

            var name = parts[parts.Length - 1];
            var candidates = new List<INamedTypeSymbol>();
            foreach (var type in current.GetTypeMembers(name))
            {
                if (type.MetadataName == name)
                {
                    candidates.Add(type);
                }
            }

            return Pick(candidates);
        }

        private static INamespaceSymbol? Namespace(INamespaceSymbol parent, string name)
        {
            foreach (var member in parent.GetMembers(name))
            {
                if (member is INamespaceSymbol ns)
                {
                    return ns;
                }
            }

            return null;
        }

        /// <summary>The first public candidate of a System assembly, else the first public one.</summary>
        private static INamedTypeSymbol? Pick(IEnumerable<INamedTypeSymbol> candidates)
        {
            INamedTypeSymbol? fallback = null;
            foreach (var candidate in candidates)
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
