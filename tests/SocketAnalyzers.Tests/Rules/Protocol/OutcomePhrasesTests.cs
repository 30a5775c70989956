using SocketAnalyzers.Protocol;
using SocketAnalyzers.Rules.Protocol;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class OutcomePhrasesTests
    {
        private const string Outcome = "throws SocketException (Shutdown, broken pipe); Unix sockets: throws SocketException (NotConnected); SendFile: throws NotSupportedException";

        public static TheoryData<string, SocketFamily, string> Cases => new()
        {
            { "Send", SocketFamily.IPv4, "throws SocketException (Shutdown, broken pipe)" },
            { "Send", SocketFamily.Unknown, "throws SocketException (Shutdown, broken pipe)" },
            { "Send", SocketFamily.Unix, "throws SocketException (NotConnected)" },
            { "SendFileAsync", SocketFamily.Unix, "throws NotSupportedException" },
            { "BeginSendFile", SocketFamily.IPv6, "throws NotSupportedException" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void LastMatchingOverrideWins_ElseTheMainClaim(string member, SocketFamily family, string expected) =>
            Assert.Equal(expected, OutcomePhrases.For(Outcome, member, new SocketKind(SocketTransport.Stream, family)));

        [Fact]
        public void SentenceWithASemicolon_IsNotSplit()
        {
            const string sentence = "throws nothing, too late for its own Bind; on Linux it still makes the bound port shareable by a later socket that sets ReuseAddress";

            Assert.Equal(sentence, OutcomePhrases.For(sentence, "SetSocketOption", SocketKind.TcpV4));
        }

        [Fact]
        public void UndecidableQualifier_DoesNotMatch() =>
            Assert.Equal(
                "throws ObjectDisposedException",
                OutcomePhrases.For("throws ObjectDisposedException; ReceiveFromAsync on never-bound sockets: throws InvalidOperationException", "ReceiveFromAsync", SocketKind.TcpV4));
    }
}
