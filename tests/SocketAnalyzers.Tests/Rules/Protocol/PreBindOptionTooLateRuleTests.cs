using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class PreBindOptionTooLateRuleTests
    {
        internal const string OptionThrows = "throws InvalidOperationException (ExclusiveAddressUse) or SocketException InvalidArgument (DualMode)";
        internal const string TooLate = "throws nothing, too late for its own Bind; on Linux it still makes the bound port shareable by a later socket that sets ReuseAddress";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.PreBindOptionTooLate);

        [Fact]
        public async Task ExclusiveAddressUseAfterBind_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:s.Bind(ep)|};
                        s.{|#0:ExclusiveAddressUse|} = true;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "ExclusiveAddressUse", "bound after 'Bind'", OptionThrows));
        }

        [Fact]
        public async Task ReuseAddressAfterBindAndDualModeAfterConnect_Report()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:s.Bind(ep)|};
                        s.{|#0:SetSocketOption|}(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);

                        var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        {|#3:v6.Connect(ep)|};
                        v6.{|#2:DualMode|} = true;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "SetSocketOption", "bound after 'Bind'", TooLate),
                Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("v6", "DualMode", "connected after 'Connect'", OptionThrows));
        }

        [Fact]
        public async Task ExclusiveAddressUseOnStartedListener_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        {|#1:listener.Start()|};
                        listener.{|#0:ExclusiveAddressUse|} = true;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("listener", "ExclusiveAddressUse", "listening after 'Start'", "throws InvalidOperationException"));
        }

        [Fact]
        public async Task BeforeBindOrOtherOptionsOrConnectedReuse_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.ExclusiveAddressUse = true;
                        s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                        s.Bind(ep);
                        s.NoDelay = true;
                        s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                        var exclusive = s.ExclusiveAddressUse;

                        var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        c.Connect(ep);
                        c.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
