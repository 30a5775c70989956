using System;
using System.Composition;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Each code fix is exported as the IDE finds it, fixes known IDs, supports FixAll and publishes its equivalence keys.</summary>
    public sealed class CodeFixProviderTests
    {
        public static TheoryData<string> CodeFixNames => AnalyzerCatalog.CodeFixNames;

        [Fact]
        public void TheCodeFixAssembly_HasFixes() => Assert.NotEmpty(AnalyzerCatalog.CodeFixTypes);

        [Theory]
        [MemberData(nameof(CodeFixNames))]
        public void Fix_IsExportedUnderItsTypeName_AndShared(string name)
        {
            var type = Type(name);
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, $"{name} has no [ExportCodeFixProvider]: the IDE never offers it.");
            Assert.Equal(name, export!.Name);
            Assert.Contains(LanguageNames.CSharp, export.Languages);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            Assert.True(type.IsPublic && type.IsSealed, $"{name} should be public and sealed.");
        }

        [Theory]
        [MemberData(nameof(CodeFixNames))]
        public void Fix_FixesOnlyKnownIds_AndHasAFixAllProvider(string name)
        {
            var fix = Create(name);
            var ids = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.NotNull(fix.GetFixAllProvider());
        }

        [Theory]
        [MemberData(nameof(CodeFixNames))]
        public void Fix_PublishesEquivalenceKeys_PrefixedByItsDiagnosticId(string name)
        {
            var fix = Create(name);
            var keys = Type(name).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string) && field.Name.EndsWith("EquivalenceKey", StringComparison.Ordinal))
                .Select(field => (string)field.GetRawConstantValue()!)
                .ToList();
            Assert.True(keys.Count > 0, $"{name} has no public const string …EquivalenceKey: tests and FixAll need a stable key.");
            Assert.All(keys, key => Assert.Contains(fix.FixableDiagnosticIds, id => key.StartsWith(id + ".", StringComparison.Ordinal)));
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        }

        private static Type Type(string name) => AnalyzerCatalog.CodeFixTypes.Single(type => type.Name == name);

        private static CodeFixProvider Create(string name) => (CodeFixProvider)Activator.CreateInstance(Type(name))!;
    }
}
