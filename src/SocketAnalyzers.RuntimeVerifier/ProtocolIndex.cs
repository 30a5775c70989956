using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// The protocol table, precomputed into arrays for the hot path: for every (API, operation, transport), the
    /// union of the states some rule forbids (a state set outside it cannot be a violation, so the full lookup is
    /// skipped), and the successor of each single state. Everything is derived from <see cref="ProtocolTable"/>.
    /// </summary>
    internal static class ProtocolIndex
    {
        // Sized from the enums themselves, so that a member added to the shared protocol files can never index past
        // an array here (static readonly: the JIT folds them like constants).
        private static readonly int Apis = Size<SocketApi>();
        private static readonly int Operations = Size<SocketOperation>();
        private static readonly int Transports = Size<SocketTransport>();
        private static readonly int States = Size<SocketState>();

        private static readonly SocketStates[] Forbidden = BuildForbidden();
        private static readonly SocketStates[] Successors = BuildSuccessors();
        private static readonly bool[] Moves = BuildMoves();
        private static readonly SocketStates[] Reachable = BuildReachable();
        private static readonly SocketStates[] StatesOfApi = BuildStatesOfApi();

        /// <summary>The union of the states in which some rule makes this operation fail.</summary>
        public static SocketStates ForbiddenStates(SocketApi api, SocketOperation operation, SocketTransport transport) =>
            Forbidden[Key(api, operation, transport)];

        /// <summary>The states after <paramref name="operation"/> succeeded, as <see cref="ProtocolTable.Apply"/> computes them.</summary>
        public static SocketStates Apply(SocketApi api, SocketOperation operation, SocketStates states, SocketTransport transport)
        {
            var key = Key(api, operation, transport);
            if (!Moves[key])
            {
                // Most calls (Send, Receive, options) move no state: one array read.
                return states;
            }

            var offset = key * States;
            var result = SocketStates.None;
            for (var state = 0; state < States; state++)
            {
                if (states.Contains((SocketState)state))
                {
                    result = result.Union(Successors[offset + state]);
                }
            }

            return result;
        }

        /// <summary>Every state reachable from <paramref name="states"/> by legal edges: the lifecycle only moves forward.</summary>
        public static SocketStates ReachableFrom(SocketApi api, SocketStates states)
        {
            var result = SocketStates.None;
            for (var state = 0; state < States; state++)
            {
                if (states.Contains((SocketState)state))
                {
                    result = result.Union(Reachable[((int)api * States) + state]);
                }
            }

            return result;
        }

        /// <summary>The states an object of this API can be in: Created and every state its edges touch.</summary>
        public static SocketStates StatesOf(SocketApi api) => StatesOfApi[(int)api];

        private static int Size<TEnum>()
            where TEnum : struct, System.Enum
        {
            var max = 0;
            foreach (var value in System.Enum.GetValues<TEnum>())
            {
                max = System.Math.Max(max, System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            return max + 1;
        }

        private static int Key(SocketApi api, SocketOperation operation, SocketTransport transport) =>
            (((int)api * Operations) + (int)operation) * Transports + (int)transport;

        private static SocketStates[] BuildForbidden()
        {
            var table = new SocketStates[Apis * Operations * Transports];
            foreach (var rule in ProtocolTable.Rules)
            {
                for (var transport = 0; transport < Transports; transport++)
                {
                    if (rule.Transport is not { } required || (int)required == transport)
                    {
                        var key = Key(rule.Api, rule.Operation, (SocketTransport)transport);
                        table[key] = table[key].Union(rule.States);
                    }
                }
            }

            return table;
        }

        private static SocketStates[] BuildSuccessors()
        {
            var table = new SocketStates[Apis * Operations * Transports * States];
            for (var api = 0; api < Apis; api++)
            {
                for (var operation = 0; operation < Operations; operation++)
                {
                    for (var transport = 0; transport < Transports; transport++)
                    {
                        var offset = Key((SocketApi)api, (SocketOperation)operation, (SocketTransport)transport) * States;
                        for (var state = 0; state < States; state++)
                        {
                            table[offset + state] = ProtocolTable.Apply((SocketApi)api, (SocketOperation)operation, SocketStates.Of((SocketState)state), (SocketTransport)transport);
                        }
                    }
                }
            }

            return table;
        }

        private static SocketStates[] BuildStatesOfApi()
        {
            var table = new SocketStates[Apis];
            for (var api = 0; api < Apis; api++)
            {
                table[api] = SocketStates.Of(SocketState.Created);
            }

            foreach (var edge in ProtocolTable.Transitions)
            {
                table[(int)edge.Api] = table[(int)edge.Api].With(edge.From).With(edge.To);
            }

            return table;
        }

        private static bool[] BuildMoves()
        {
            var moves = new bool[Apis * Operations * Transports];
            for (var key = 0; key < moves.Length; key++)
            {
                for (var state = 0; state < States; state++)
                {
                    if (Successors[(key * States) + state] != SocketStates.Of((SocketState)state))
                    {
                        moves[key] = true;
                    }
                }
            }

            return moves;
        }

        private static SocketStates[] BuildReachable()
        {
            var table = new SocketStates[Apis * States];
            for (var api = 0; api < Apis; api++)
            {
                for (var state = 0; state < States; state++)
                {
                    var reached = SocketStates.Of((SocketState)state);
                    bool grew;
                    do
                    {
                        var before = reached;
                        foreach (var edge in ProtocolTable.Transitions)
                        {
                            if ((int)edge.Api == api && reached.Contains(edge.From))
                            {
                                reached = reached.With(edge.To);
                            }
                        }

                        grew = reached != before;
                    }
                    while (grew);

                    table[(api * States) + state] = reached;
                }
            }

            return table;
        }
    }
}
