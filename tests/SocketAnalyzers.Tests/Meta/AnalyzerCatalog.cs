using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.CodeFixes.Protocol;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Everything the package ships, found by reflection over the analyzer and code-fix assemblies: descriptors,
    /// ID constants, analyzers and code-fix providers. A new rule is covered by the meta tests without registering it.
    /// </summary>
    internal static class AnalyzerCatalog
    {
        public static Assembly AnalyzerAssembly { get; } = typeof(DiagnosticIds).Assembly;

        public static Assembly CodeFixAssembly { get; } = typeof(UseMatchingProtocolTypeFix).Assembly;

        /// <summary>Every static DiagnosticDescriptor field or property of the Descriptors class, ordered by ID.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = typeof(Descriptors)
            .GetMembers(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(member => member switch
            {
                FieldInfo { FieldType: var type } field when type == typeof(DiagnosticDescriptor) => (DiagnosticDescriptor?)field.GetValue(null),
                PropertyInfo { PropertyType: var type } property when type == typeof(DiagnosticDescriptor) => (DiagnosticDescriptor?)property.GetValue(null),
                _ => null,
            })
            .OfType<DiagnosticDescriptor>()
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>The public constants of DiagnosticIds: constant name → ID.</summary>
        public static ImmutableDictionary<string, string> IdConstants { get; } = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Static | BindingFlags.Public)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .ToImmutableDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);

        /// <summary>Every concrete DiagnosticAnalyzer type of both shipped assemblies.</summary>
        public static ImmutableArray<Type> AnalyzerTypes { get; } = ConcreteSubclassesOf(typeof(DiagnosticAnalyzer));

        /// <summary>Every concrete CodeFixProvider type of both shipped assemblies.</summary>
        public static ImmutableArray<Type> CodeFixTypes { get; } = ConcreteSubclassesOf(typeof(CodeFixProvider));

        public static TheoryData<string> DescriptorIds => Data(Descriptors.Select(descriptor => descriptor.Id));

        public static TheoryData<string> AnalyzerNames => Data(AnalyzerTypes.Select(type => type.Name));

        public static TheoryData<string> CodeFixNames => Data(CodeFixTypes.Select(type => type.Name));

        public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(descriptor => descriptor.Id == id);

        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
            AnalyzerTypes.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CreateCodeFixes() =>
            CodeFixTypes.Select(type => (CodeFixProvider)Activator.CreateInstance(type)!).ToImmutableArray();

        /// <summary>The IDs some code-fix provider offers to fix.</summary>
        public static ImmutableHashSet<string> FixableIds { get; } = CreateCodeFixes()
            .SelectMany(fix => fix.FixableDiagnosticIds)
            .ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>The IDs some analyzer declares in SupportedDiagnostics.</summary>
        public static ImmutableHashSet<string> SupportedIds { get; } = CreateAnalyzers()
            .SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>Severity as release tracking and the rule pages write it: the default severity, or Disabled.</summary>
        public static string SeverityText(DiagnosticDescriptor descriptor) =>
            descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

        private static ImmutableArray<Type> ConcreteSubclassesOf(Type baseType) => new[] { AnalyzerAssembly, CodeFixAssembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsAbstract && baseType.IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToImmutableArray();

        private static TheoryData<string> Data(IEnumerable<string> values)
        {
            var data = new TheoryData<string>();
            foreach (var value in values)
            {
                data.Add(value);
            }

            return data;
        }
    }
}
