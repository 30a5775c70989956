using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Run-once hand-offs (<see cref="RunOnceSinks"/>): the sockets move into the function that runs later.</summary>
    internal sealed partial class TransferFunctions
    {
        /// <summary>
        /// At a call that runs a function once: the locals that move into it and its state argument stop being this
        /// body's (ownership transferred, before the call may throw); while recording, their values are kept for the
        /// function's own analysis.
        /// </summary>
        private void HandOffToFunctions(IInvocationOperation invocation, PointsTo[] argumentObjects)
        {
            if (!this.analysis.Sinks.TryGet(invocation.Syntax, out var handOffs))
            {
                return;
            }

            foreach (var handOff in handOffs)
            {
                var values = new HandedValues(handOff.ExceptionEndsProcess);
                var moved = PointsTo.Nothing;
                foreach (var local in handOff.Captured)
                {
                    if (this.state.TryGetVariable(FlowVariable.Of(local), out var objects))
                    {
                        moved = moved.Union(this.Collect(local, objects, values));
                    }
                }

                if (handOff.StateArgument is { } state)
                {
                    for (var i = 0; i < argumentObjects.Length; i++)
                    {
                        if (invocation.Arguments[i].Syntax.Span.Contains(state.Span))
                        {
                            moved = moved.Union(this.Collect(handOff.Function.Parameters[0], argumentObjects[i], values));
                        }
                    }
                }

                if (this.recording)
                {
                    this.analysis.RecordHandOff(handOff.Function, values);
                }

                this.TransferOwnership(moved);
            }
        }

        private PointsTo Collect(ISymbol variable, PointsTo objects, HandedValues values)
        {
            if (objects.MayBeUntracked)
            {
                return objects.WithoutNull;
            }

            if (objects.MayBeNull)
            {
                values.AddNull(variable);
            }

            foreach (var id in objects)
            {
                if (this.state.GetObject(id) is { } value)
                {
                    values.Add(variable, this.analysis.Objects.Get(id), value);
                }
            }

            return objects.WithoutNull;
        }
    }
}
