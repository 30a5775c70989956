using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>
    /// Every diagnostic descriptor, split by category into partial files. Strings come from Resources.resx
    /// (keys <c>SOCKnnn_Title</c>, <c>_Message</c>, <c>_Description</c>); the help link is the rule's page.
    /// </summary>
    internal static partial class Descriptors
    {
        /// <summary>
        /// Where this version's rule pages live, generated from the package's RepositoryUrl and Version
        /// (src/DocumentationLinks.targets); a test checks each descriptor's link names its page.
        /// </summary>
        public const string HelpLinkBase = DocumentationLinks.RulesBase;

        // The severity policy, with names: what throws or leaks warns; what needs judgment informs.
        private const DiagnosticSeverity Throws = DiagnosticSeverity.Warning;
        private const DiagnosticSeverity Leaks = DiagnosticSeverity.Warning;
        private const DiagnosticSeverity Judgment = DiagnosticSeverity.Info;

        // Custom tags are written out at each descriptor, not shared through a static field: the order of static
        // initializers across the files of a partial class is not defined. "Dataflow" marks the flow rules.

        private static LocalizableResourceString Title(string id) => Resources.Get(id + "_Title");

        private static LocalizableResourceString Message(string id) => Resources.Get(id + "_Message");

        private static LocalizableResourceString Description(string id) => Resources.Get(id + "_Description");

        private static string HelpLink(string id) => HelpLinkBase + id + ".md";
    }
}
