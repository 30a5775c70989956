using System.Collections.Generic;

namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// The socket protocol as data: which operation is illegal in which states (<see cref="Rules"/>) and how
    /// legal operations move the state (<see cref="Transitions"/>). The static rules, the runtime verifier and
    /// the rule pages all read it; nothing restates it elsewhere.
    /// </summary>
    public static partial class ProtocolTable
    {
        /// <summary>
        /// The entry that makes <paramref name="operation"/> fail on every path, when the object may only be in
        /// <paramref name="states"/>; <see langword="null"/> when the operation is legal in at least one of them
        /// or nothing is known.
        /// </summary>
        public static ProtocolRule? FindViolation(SocketApi api, SocketOperation operation, SocketStates states, SocketKind kind)
        {
            if (!Lookup.RulesByOperation.TryGetValue((api, operation), out var candidates))
            {
                return null;
            }

            foreach (var rule in candidates)
            {
                if (rule.Matches(states, kind))
                {
                    return rule;
                }
            }

            return null;
        }

        /// <summary>As <see cref="FindViolation(SocketApi, SocketOperation, SocketStates, SocketKind)"/> with the family unknown.</summary>
        public static ProtocolRule? FindViolation(SocketApi api, SocketOperation operation, SocketStates states, SocketTransport transport) =>
            FindViolation(api, operation, states, new SocketKind(transport, SocketFamily.Unknown));

        /// <summary>The states the object may be in after <paramref name="operation"/>.</summary>
        public static SocketStates Apply(SocketApi api, SocketOperation operation, SocketStates states, SocketTransport transport)
        {
            if (!Lookup.TransitionsByOperation.TryGetValue((api, operation), out var edges))
            {
                return states;
            }

            var result = SocketStates.None;
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if (!states.Contains(state))
                {
                    continue;
                }

                var moved = false;
                foreach (var edge in edges)
                {
                    // An edge restricted to one transport applies only when the transport is known to be it.
                    if (edge.From == state && edge.AppliesTo(transport))
                    {
                        result = result.With(edge.To);
                        moved = true;
                    }
                }

                if (!moved)
                {
                    result = result.With(state);
                }
            }

            return result;
        }

        /// <summary>
        /// Indexes built on first use. A nested class, because the order of static initializers across the
        /// files of a partial class is not defined: the tables must exist before they are indexed.
        /// </summary>
        private static class Lookup
        {
            internal static readonly Dictionary<(SocketApi, SocketOperation), ProtocolRule[]> RulesByOperation = Index(Rules, r => (r.Api, r.Operation));
            internal static readonly Dictionary<(SocketApi, SocketOperation), ProtocolTransition[]> TransitionsByOperation = Index(Transitions, t => (t.Api, t.Operation));
        }

        private static Dictionary<(SocketApi, SocketOperation), T[]> Index<T>(IEnumerable<T> items, System.Func<T, (SocketApi, SocketOperation)> key)
        {
            var lists = new Dictionary<(SocketApi, SocketOperation), List<T>>();
            foreach (var item in items)
            {
                var k = key(item);
                if (!lists.TryGetValue(k, out var list))
                {
                    lists[k] = list = new List<T>();
                }

                list.Add(item);
            }

            var result = new Dictionary<(SocketApi, SocketOperation), T[]>(lists.Count);
            foreach (var pair in lists)
            {
                result[pair.Key] = pair.Value.ToArray();
            }

            return result;
        }
    }
}
