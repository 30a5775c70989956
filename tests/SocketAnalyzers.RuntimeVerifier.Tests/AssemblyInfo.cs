// The verifier's settings and counters are process-wide: tests that change them run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
