using System.Collections.Generic;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Numbers the variables of one analysis, so that a flow state is two arrays (cheap to copy and join at every
    /// block) instead of a dictionary.
    /// </summary>
    internal sealed class VariableTable
    {
        private readonly Dictionary<FlowVariable, int> indices = new Dictionary<FlowVariable, int>();
        private readonly List<FlowVariable> variables = new List<FlowVariable>();
        private readonly List<int> members = new List<int>();

        public int Count => this.variables.Count;

        /// <summary>The indices of fields and properties: the variables an unknown call may change.</summary>
        public IReadOnlyList<int> Members => this.members;

        public FlowVariable this[int index] => this.variables[index];

        public bool TryGetIndex(FlowVariable variable, out int index) => this.indices.TryGetValue(variable, out index);

        public int GetOrAdd(FlowVariable variable)
        {
            if (!this.indices.TryGetValue(variable, out var index))
            {
                index = this.variables.Count;
                this.variables.Add(variable);
                this.indices.Add(variable, index);
                if (variable.IsMember)
                {
                    this.members.Add(index);
                }
            }

            return index;
        }
    }
}
