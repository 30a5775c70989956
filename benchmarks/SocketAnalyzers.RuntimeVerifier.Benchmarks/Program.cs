using BenchmarkDotNet.Running;

namespace SocketAnalyzers.RuntimeVerifier.Benchmarks
{
    /// <summary>
    /// Runs the benchmarks chosen on the command line (<c>--filter '*' --job short</c>), or with <c>--paired</c> the
    /// rotated comparison of <see cref="PairedComparison"/>.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length >= 1 && args[0] == "--paired")
            {
                PairedComparison.Run(args.Length > 1 && int.TryParse(args[1], out var samples) && samples > 0 ? samples : 201);
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
