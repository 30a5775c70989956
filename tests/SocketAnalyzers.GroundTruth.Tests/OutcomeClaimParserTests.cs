using System;
using System.IO;
using System.Net.Sockets;
using SocketAnalyzers.GroundTruth.Tests.Claims;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>The claim grammar itself: what parses into what, and that anything else is refused.</summary>
    public sealed class OutcomeClaimParserTests
    {
        [Fact]
        public void SocketExceptionWithErrorAndMessage_Parses()
        {
            var claim = Assert.IsType<ThrowsClaim>(OutcomeClaimParser.Parse("throws SocketException (Shutdown, broken pipe)"));
            var expected = Assert.Single(claim.Alternatives);
            Assert.Equal(typeof(SocketException), expected.Type);
            Assert.Equal(SocketError.Shutdown, expected.Error);
            Assert.Equal(new[] { "broken pipe" }, expected.MessageFragments);
        }

        [Fact]
        public void AlternativesNameTheirMember()
        {
            var claim = Assert.IsType<ThrowsClaim>(OutcomeClaimParser.Parse("throws InvalidOperationException (ExclusiveAddressUse) or SocketException InvalidArgument (DualMode)"));
            Assert.Equal(typeof(InvalidOperationException), claim.For("ExclusiveAddressUse")!.Type);
            Assert.Equal(SocketError.InvalidArgument, claim.For("DualMode")!.Error);
            Assert.Null(claim.For("NoDelay"));
        }

        [Fact]
        public void OverridesSelectByMemberAndKind()
        {
            var claim = Assert.IsType<SelectiveClaim>(OutcomeClaimParser.Parse("throws SocketException (NotConnected); Unix sockets: throws SocketException (InvalidArgument); SendFile: throws IOException"));
            var unix = new SocketKind(SocketTransport.Stream, SocketFamily.Unix);
            Assert.Equal(SocketError.NotConnected, ((ThrowsClaim)claim.For("Receive", SocketKind.TcpV4, neverBound: false)).Alternatives[0].Error);
            Assert.Equal(SocketError.InvalidArgument, ((ThrowsClaim)claim.For("ReceiveAsync", unix, neverBound: false)).Alternatives[0].Error);
            Assert.Equal(typeof(IOException), ((ThrowsClaim)claim.For("SendFileAsync", unix, neverBound: false)).Alternatives[0].Type);
        }

        [Fact]
        public void ExactTypeIsRequired()
        {
            var claim = (ThrowsClaim)OutcomeClaimParser.Parse("throws InvalidOperationException");
            Assert.NotNull(claim.For(null)!.Mismatch(new ObjectDisposedException("socket")));
        }

        [Fact]
        public void NonExceptionForms_Parse()
        {
            Assert.IsType<BlocksClaim>(OutcomeClaimParser.Parse("blocks until its timeout: no datagram can reach an unbound socket"));
            Assert.IsType<CompletesClaim>(OutcomeClaimParser.Parse("completes"));
            var autoBind = Assert.IsType<ListenAutoBindsClaim>(OutcomeClaimParser.Parse(
                "succeeds on an ephemeral port of every interface, and Accept then throws InvalidOperationException (on Unix sockets and Windows, Listen itself throws)"));
            Assert.True(autoBind.ThrowsOnUnix);
            Assert.Equal("Accept", autoBind.LaterOperation);
        }

        [Theory]
        [InlineData("fails somehow")]
        [InlineData("throws FooException")]
        [InlineData("throws SocketException (NoSuchError)")]
        [InlineData("throws InvalidOperationException or SocketException")]
        [InlineData("throws nothing and has no effect: the address is already bound")]
        [InlineData("throws ObjectDisposedException; somewhere odd: throws IOException")]
        public void UnknownPhrase_IsRefused(string phrase)
        {
            Assert.Throws<FormatException>(() => OutcomeClaimParser.Parse(phrase));
        }
    }
}
