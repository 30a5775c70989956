using System;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>Sends a report where the configured mode says: stderr, the EventSource, handlers, or an exception.</summary>
    internal static class Reporter
    {
        private const string Prefix = "SocketAnalyzers: ";

        public static void ReportViolation(SocketViolation violation)
        {
            VerifierEventSource.Log.Violation(violation.RuleId, violation.Site.ToString(), violation.ToString());
            var mode = SocketVerifier.Options.Mode;
            if (mode == ReportMode.Log)
            {
                WriteLine(violation.ToSingleLine());
            }

            SocketVerifier.RaiseViolation(violation);
            if (mode == ReportMode.Throw)
            {
                throw new SocketProtocolViolationException(violation);
            }
        }

        /// <summary>Runs on the finalizer thread: never throws, whatever the mode.</summary>
        public static void ReportLeak(SocketLeak leak)
        {
            VerifierEventSource.Log.Leak(leak.RuleId, leak.Creation.ToString(), leak.ToString());
            if (SocketVerifier.Options.Mode is ReportMode.Log or ReportMode.Throw)
            {
                WriteLine(leak.ToSingleLine());
            }

            SocketVerifier.RaiseLeak(leak);
        }

        private static void WriteLine(string line)
        {
            try
            {
                Console.Error.WriteLine(Prefix + line);
            }
            catch (Exception)
            {
                // A closed stderr must not change what the program does.
            }
        }
    }
}
