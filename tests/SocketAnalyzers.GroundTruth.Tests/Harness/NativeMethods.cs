using System.Runtime.InteropServices;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    internal static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // The libc name.
        public static extern int getsockname(int socket, byte[] address, ref int length);
#pragma warning restore SA1300, IDE1006
    }
}
