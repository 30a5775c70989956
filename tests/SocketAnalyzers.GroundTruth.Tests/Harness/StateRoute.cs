using System;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>One way to bring a live API object into a state ("Connect", "accepted", "Start, Stop", …).</summary>
    internal sealed class StateRoute
    {
        public StateRoute(string name, Func<Scenario, object> build, bool neverBound = false)
        {
            this.Name = name;
            this.Build = build;
            this.NeverBound = neverBound;
        }

        /// <summary>The object was never bound, explicitly or implicitly (some members check that before anything else).</summary>
        public bool NeverBound { get; }

        public string Name { get; }

        /// <summary>Creates the object in <paramref name="scenario"/> (which owns it) and drives it into the state.</summary>
        public Func<Scenario, object> Build { get; }

        public override string ToString() => this.Name;
    }
}
