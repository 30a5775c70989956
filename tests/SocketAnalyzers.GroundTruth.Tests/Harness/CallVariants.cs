using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// A concrete call for every member of <see cref="ProtocolApiMap"/> that some protocol entry or edge is about.
    /// The operation of each call comes from the map itself (or its refinements for Shutdown, SetSocketOption and
    /// UdpClient.Send), never restated here: a test checks that every mapped member has a call.
    /// </summary>
    internal static partial class CallVariants
    {
        public static ImmutableArray<CallVariant> All { get; } = Build();

        public static IEnumerable<CallVariant> For(SocketApi api, SocketOperation operation)
        {
            foreach (var variant in All)
            {
                if (variant.Api == api && variant.Operation == operation)
                {
                    yield return variant;
                }
            }
        }

        private static ImmutableArray<CallVariant> Build()
        {
            var list = new List<CallVariant>();
            AddSocket(list);
            AddTcpListener(list);
            AddTcpClient(list);
            AddUdpClient(list);
            AddNetworkStream(list);
            return list.ToImmutableArray();
        }

        /// <summary>The operation the map gives <paramref name="member"/>; a member missing from the map fails loudly.</summary>
        private static SocketOperation Mapped(SocketApi api, string member) =>
            ProtocolApiMap.Find(api, member)?.Operation
            ?? throw new InvalidOperationException($"{api}.{member} is not in ProtocolApiMap.Members.");

        /// <summary>
        /// Hands an accepted object to the scenario. Not an async lambda: that would turn a synchronous throw of the
        /// member into a faulted task and hide how the failure surfaced.
        /// </summary>
        private static Task OwnResult<T>(Task<T> task, CallContext context)
            where T : IDisposable =>
            task.ContinueWith(
                done =>
                {
                    if (done.IsCompletedSuccessfully)
                    {
                        context.Scenario.Own(done.Result);
                    }

                    return done;
                },
                TaskScheduler.Default).Unwrap();

        private static CallVariant Sync<T>(SocketApi api, string member, string label, Action<T, CallContext> call, SocketOperation? operation = null) =>
            new(api, member, operation ?? Mapped(api, member), label, CallShape.Sync) { Sync = (target, context) => call((T)target, context) };

        private static CallVariant Async<T>(SocketApi api, string member, string label, Func<T, CallContext, Task> call, SocketOperation? operation = null) =>
            new(api, member, operation ?? Mapped(api, member), label, CallShape.Task) { Async = (target, context) => call((T)target, context) };

        private static CallVariant Apm<T>(SocketApi api, string member, string label, Func<T, CallContext, IAsyncResult> begin, Action<T, IAsyncResult> end, SocketOperation? operation = null) =>
            new(api, member, operation ?? Mapped(api, member), label, CallShape.Apm)
            {
                Begin = (target, context) => begin((T)target, context),
                End = (target, result) => end((T)target, result),
            };
    }
}
