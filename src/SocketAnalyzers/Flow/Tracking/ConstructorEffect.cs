namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>What a constructor of a socket owner puts in an owning member (<see cref="SocketOwningTypes.EffectOf"/>).</summary>
    internal readonly struct ConstructorEffect
    {
        private ConstructorEffect(bool creates, int takenParameter)
        {
            this.Creates = creates;
            this.TakenParameter = takenParameter;
        }

        /// <summary>Nothing the analysis can claim: the new object is not followed.</summary>
        public static ConstructorEffect None => new ConstructorEffect(false, -1);

        /// <summary>A socket the constructor makes itself (<c>_client = new TcpClient()</c>).</summary>
        public static ConstructorEffect Creation => new ConstructorEffect(true, -1);

        /// <summary>
        /// Nothing yet (<c>new ChatClient()</c> whose <c>Initialize()</c> connects later): the object is followed, owning
        /// nothing until a method that acquires a socket runs (<see cref="MemberUse.Acquires"/>).
        /// </summary>
        public static ConstructorEffect Empty => new ConstructorEffect(false, -2);

        /// <summary>The object holds nothing yet (<see cref="Empty"/>).</summary>
        public bool IsEmpty => this.TakenParameter == -2;

        /// <summary>The socket passed as this parameter (<c>_client = client</c>): the new object carries its obligation.</summary>
        public static ConstructorEffect Takes(int ordinal) => new ConstructorEffect(false, ordinal);

        public bool Creates { get; }

        /// <summary>The ordinal of the parameter stored in an owning member, or -1.</summary>
        public int TakenParameter { get; }
    }
}
