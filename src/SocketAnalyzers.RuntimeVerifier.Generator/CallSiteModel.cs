namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>
    /// One intercepted call site, as strings and numbers only (no symbols, nodes or locations), so that the
    /// incremental pipeline compares it by value and reuses the generated text when nothing changed.
    /// </summary>
    /// <param name="FilePath">The source file, as the compiler knows it.</param>
    /// <param name="Line">1-based line of the member name.</param>
    /// <param name="Column">1-based column of the member name.</param>
    /// <param name="Api">The SocketApi enum member (Socket, TcpListener, …).</param>
    /// <param name="Member">The member name as in ProtocolApiMap.</param>
    /// <param name="ReceiverType">The fully qualified type of the interceptor's <c>this</c> parameter.</param>
    /// <param name="ReturnType">The fully qualified return type, or <c>void</c>.</param>
    /// <param name="Parameters">The parameters after the receiver.</param>
    /// <param name="Refinement">How the operation is refined from arguments at run time.</param>
    /// <param name="Borrowed">True when the receiver is an owner's socket (<c>client.Client</c>): no leak tracking.</param>
    /// <param name="CreationLine">The line of the <c>new</c> expression or call that initialised the receiver's variable, or 0.</param>
    /// <param name="CreationColumn">Its column, or 0.</param>
    /// <param name="CreationFile">Its file, or null when it is <paramref name="FilePath"/>.</param>
    /// <param name="CreationMember">The method whose call returned the receiver (<c>Sockets.Tcp</c>), or null for a <c>new</c>.</param>
    /// <param name="CreationAccepted">That call was an Accept or EndAccept.</param>
    /// <param name="AttributeText">The InterceptsLocation attribute the compiler produced for this call.</param>
    /// <param name="ReturnsTaskOfAccepted">An Accept member returning <c>Task&lt;Socket&gt;</c> or <c>Task&lt;TcpClient&gt;</c>.</param>
    /// <param name="SuppressedDiagnostic">The diagnostic ID of the member's Obsolete or Experimental attribute, if any:
    /// the program's call was allowed where it stands, so the interceptor's own call must not raise it again.</param>
    internal sealed record CallSiteModel(
        string FilePath,
        int Line,
        int Column,
        string Api,
        string Member,
        string ReceiverType,
        string ReturnType,
        EquatableArray<ParameterModel> Parameters,
        OperationRefinement Refinement,
        bool Borrowed,
        int CreationLine,
        int CreationColumn,
        string? CreationFile,
        string? CreationMember,
        bool CreationAccepted,
        string AttributeText,
        bool ReturnsTaskOfAccepted,
        string? SuppressedDiagnostic);
}
