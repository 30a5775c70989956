using System.Resources;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Access to Resources.resx, the one home of every title, message and description.</summary>
    internal static class Resources
    {
        public static ResourceManager Manager { get; } = new ResourceManager("SocketAnalyzers.Diagnostics.Resources", typeof(Resources).Assembly);

        public static LocalizableResourceString Get(string name) => new LocalizableResourceString(name, Manager, typeof(Resources));
    }
}
