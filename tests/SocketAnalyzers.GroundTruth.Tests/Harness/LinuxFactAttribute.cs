using System;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>A fact about Linux sockets: measured on Linux only, skipped elsewhere (Windows differs where documented).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class LinuxFactAttribute : FactAttribute
    {
        public LinuxFactAttribute()
        {
            if (!OperatingSystem.IsLinux())
            {
                this.Skip = "Ground truth is measured on Linux; other systems differ where the rule pages say so.";
            }
        }
    }
}
