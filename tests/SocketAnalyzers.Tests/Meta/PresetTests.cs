using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// The .editorconfig presets of rules/presets/ are read with the compiler's own parser, and their effective severity
    /// (rule key, then category key, then the default) is what each preset promises.
    /// </summary>
    public sealed class PresetTests
    {
        private const string SourcePath = "/project/Program.cs";

        public static TheoryData<string> Presets => new() { "recommended", "strict", "protocol-only" };

        [Theory]
        [MemberData(nameof(Presets))]
        public void Preset_NamesOnlyKnownRulesAndCategories_WithValidSeverities(string preset)
        {
            var text = Read(preset);
            Assert.StartsWith("# SocketAnalyzers preset: " + preset, text, StringComparison.Ordinal);
            var ids = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
            var categories = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Category).ToHashSet(StringComparer.Ordinal);
            var valid = new[] { "error", "warning", "suggestion", "silent", "none", "default" };
            foreach (var (key, value) in Keys(text))
            {
                Assert.Contains(value, valid);
                var parts = key.Split('.');
                switch (parts[0])
                {
                    case "dotnet_diagnostic":
                        Assert.Contains(parts[1], ids);
                        break;
                    case "dotnet_analyzer_diagnostic":
                        Assert.StartsWith("category-", parts[1], StringComparison.Ordinal);
                        Assert.Contains(parts[1].Substring("category-".Length), categories);
                        break;
                    default:
                        Assert.Fail($"{preset}: unexpected key {key}");
                        break;
                }
            }
        }

        [Fact]
        public void Recommended_IsExactlyTheDefaults() => Assert.All(AnalyzerCatalog.Descriptors, descriptor =>
            Assert.Equal(Default(descriptor), Effective("recommended", descriptor)));

        [Fact]
        public void Strict_MakesEveryRuleAnError_ByItsId()
        {
            var treeOptions = Parse("strict").TreeOptions;
            Assert.All(AnalyzerCatalog.Descriptors, descriptor =>
                Assert.Equal(ReportDiagnostic.Error, treeOptions.TryGetValue(descriptor.Id, out var severity) ? severity : ReportDiagnostic.Default));
        }

        [Fact]
        public void ProtocolOnly_KeepsProtocolAndConfigurationRules_AndSilencesTheRest() => Assert.All(AnalyzerCatalog.Descriptors, descriptor =>
        {
            var on = descriptor.Category is Categories.Protocol or Categories.Configuration;
            Assert.Equal(on ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress, Effective("protocol-only", descriptor));
        });

        private static string Read(string preset) =>
            File.ReadAllText(Path.Combine(RulePage.RulesFolder, "presets", preset + ".editorconfig")).Replace("\r\n", "\n");

        private static IEnumerable<(string Key, string Value)> Keys(string text) => text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && line[0] is not '#' and not ';' and not '[')
            .Select(line => line.Split('='))
            .Select(parts => (parts[0].Trim(), parts[1].Trim()));

        /// <summary>Parsed by the compiler's AnalyzerConfig, as for a file at the root of the preset's folder.</summary>
        private static AnalyzerConfigOptionsResult Parse(string preset)
        {
            var config = AnalyzerConfig.Parse(Read(preset), "/project/.editorconfig");
            return AnalyzerConfigSet.Create(ImmutableArray.Create(config)).GetOptionsForSourcePath(SourcePath);
        }

        /// <summary>The severity the compiler applies: the rule's own key, else its category's, else the default.</summary>
        private static ReportDiagnostic Effective(string preset, DiagnosticDescriptor descriptor)
        {
            var options = Parse(preset);
            if (options.TreeOptions.TryGetValue(descriptor.Id, out var severity))
            {
                return severity;
            }

            var categoryKey = $"dotnet_analyzer_diagnostic.category-{descriptor.Category}.severity";
            return options.AnalyzerOptions.TryGetValue(categoryKey, out var value) ? FromEditorConfig(value) : Default(descriptor);
        }

        private static ReportDiagnostic Default(DiagnosticDescriptor descriptor) => !descriptor.IsEnabledByDefault
            ? ReportDiagnostic.Suppress
            : descriptor.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => ReportDiagnostic.Error,
                DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                DiagnosticSeverity.Info => ReportDiagnostic.Info,
                _ => ReportDiagnostic.Hidden,
            };

        private static ReportDiagnostic FromEditorConfig(string value) => value switch
        {
            "error" => ReportDiagnostic.Error,
            "warning" => ReportDiagnostic.Warn,
            "suggestion" => ReportDiagnostic.Info,
            "silent" => ReportDiagnostic.Hidden,
            "none" => ReportDiagnostic.Suppress,
            _ => ReportDiagnostic.Default,
        };
    }
}
