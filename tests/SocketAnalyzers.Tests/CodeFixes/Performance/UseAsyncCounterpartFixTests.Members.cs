using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer,
    SocketAnalyzers.CodeFixes.Performance.UseAsyncCounterpartFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Performance
{
    public sealed class UseAsyncCounterpartFixMemberTests
    {
        public static TheoryData<string, string, string, string, TestFramework> Members()
        {
            var data = new TheoryData<string, string, string, string, TestFramework>();
            foreach (var framework in new[] { TestFramework.Net80, TestFramework.Net100 })
            {
                data.Add("socket.{|#0:Send|}(buffer);", "await socket.SendAsync(buffer.AsMemory(), ct);", "Socket.Send", "SendAsync", framework);
                data.Add("socket.{|#0:Send|}(buffer, SocketFlags.None);", "await socket.SendAsync(buffer.AsMemory(), SocketFlags.None, ct);", "Socket.Send", "SendAsync", framework);
                data.Add("socket.{|#0:Connect|}(endPoint);", "await socket.ConnectAsync(endPoint, ct);", "Socket.Connect", "ConnectAsync", framework);
                data.Add("socket.{|#0:Disconnect|}(true);", "await socket.DisconnectAsync(true, ct);", "Socket.Disconnect", "DisconnectAsync", framework);
                data.Add("var accepted = listener.{|#0:AcceptSocket|}();", "var accepted = await listener.AcceptSocketAsync(ct);", "TcpListener.AcceptSocket", "AcceptSocketAsync", framework);
                data.Add("udp.{|#0:Send|}(buffer, buffer.Length);", "await udp.SendAsync(buffer.AsMemory(0, buffer.Length), ct);", "UdpClient.Send", "SendAsync", framework);
                data.Add("socket.{|#0:Send|}(buffer, 4, SocketFlags.None);", "await socket.SendAsync(buffer.AsMemory(0, 4), SocketFlags.None, ct);", "Socket.Send", "SendAsync", framework);
                data.Add("var sent = socket.{|#0:SendTo|}(buffer, endPoint);", "var sent = await socket.SendToAsync(buffer.AsMemory(), endPoint, ct);", "Socket.SendTo", "SendToAsync", framework);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Members))]
        public async Task BlockingMember_BecomesAwaitedCounterpart(string call, string fixedCall, string member, string counterpart, TestFramework framework)
        {
            await Verify.VerifyFixAsync(
                Code(call),
                new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments(member, counterpart) },
                Code(fixedCall),
                framework);
        }

        private static string Code(string statement) => $$"""
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async Task M(Socket socket, TcpListener listener, UdpClient udp, byte[] buffer, EndPoint endPoint, CancellationToken ct)
                {
                    {{statement}}
                    await Task.Yield();
                }
            }
            """;
    }
}
