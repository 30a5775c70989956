using System.Runtime.InteropServices;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>libc calls for what .NET does not show: the kernel's local address after an implicit bind (A1).</summary>
    internal static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int getsockname(int socket, byte[] address, ref int length);
    }
}
