using System.Collections.Generic;
using System.Collections.Immutable;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>What the replay saw of this object's fields: the writes, and the objects replaced in a field by a loop.</summary>
    internal sealed partial class GraphAnalysis
    {
        private readonly List<FieldStore> fieldStores = new List<FieldStore>();
        private readonly HashSet<int> recreatedWhileHeld = new HashSet<int>();
        private readonly List<FieldStore> innerSocketsDropped = new List<FieldStore>();

        /// <summary>During the replay: <c>wrapper.Client = null</c> on a tracked TcpClient or UdpClient.</summary>
        public void AddInnerSocketDropped(FieldStore store) => this.innerSocketsDropped.Add(store);

        /// <summary>During the replay: a write to a socket-typed member of this object.</summary>
        public void AddFieldStore(FieldStore store) => this.fieldStores.Add(store);

        /// <summary>During the replay: <paramref name="id"/> is created again while a field still holds the previous one, open.</summary>
        public void NoteRecreatedWhileHeld(int id) => this.recreatedWhileHeld.Add(id);

        private void AddFieldFacts(SocketFlowResult result)
        {
            if (this.fieldStores.Count > 0)
            {
                result.FieldStores = this.fieldStores.ToImmutableArray();
            }

            if (this.innerSocketsDropped.Count > 0)
            {
                result.InnerSocketsDropped = this.innerSocketsDropped.ToImmutableArray();
            }

            if (this.recreatedWhileHeld.Count > 0)
            {
                var ids = new List<int>(this.recreatedWhileHeld);
                ids.Sort();
                result.RecreatedWhileHeld = ids.ToImmutableArray();
            }
        }
    }
}
