using System;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>A theory about Linux sockets: measured on Linux only, skipped elsewhere.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class LinuxTheoryAttribute : TheoryAttribute
    {
        public LinuxTheoryAttribute()
        {
            if (!OperatingSystem.IsLinux())
            {
                this.Skip = "Ground truth is measured on Linux; other systems differ where the rule pages say so.";
            }
        }
    }
}
