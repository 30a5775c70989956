using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>The hand-offs of sockets apply to their owners: returned, stored, collected, captured, passed on, disposed late.</summary>
    public sealed partial class SocketOwnerTypeTests
    {
        [Theory]
        [InlineData("using var c = new Connection(endPoint); c.Send(data);")]
        [InlineData("var c = new Connection(endPoint); try { c.Send(data); } finally { c.Dispose(); }")]
        [InlineData("var c = new Connection(endPoint); if (c.IsAlive()) { c.Send(data); } c.Close();")]
        [InlineData("var c = new Connection(endPoint); kept = c;")]
        [InlineData("var c = new Connection(endPoint); all.Add(c);")]
        [InlineData("var c = new Connection(endPoint); Task.Delay(10).ContinueWith(_ => c.Dispose());")]
        [InlineData("var c = new Connection(endPoint); Keep(c);")]
        [InlineData("var e = new Entry(new TcpClient()); e.Client.Connect(endPoint); e.Dispose();")]
        [InlineData("var client = new TcpClient(); var e = new Entry(client); client.Dispose();")]
        [InlineData("var e = new Entry(new TcpClient()); e.Client.Close();")]
        public async Task OwnerClosedOrHandedOff_DoesNotReport(string body)
        {
            var source = Code("""
                    static Connection kept;
                    static readonly List<Connection> all = new List<Connection>();
                    static void Keep(object o) { }

                    static void Probe(IPEndPoint endPoint, byte[] data)
                    {
                """ + body + """

                    }
                """);
            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task OwnerOfTheEntryPointLivesAsLongAsTheProcess_DoesNotReport()
        {
            var source = Code("""
                    static void Main()
                    {
                        var c = new Connection(new IPEndPoint(IPAddress.Loopback, 80));
                        Console.WriteLine(c.IsAlive());
                    }
                """);
            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task OwnerWrittenToAnOutParameter_DoesNotReport()
        {
            var source = Code("""
                    static bool TryOpen(IPEndPoint endPoint, out Connection connection)
                    {
                        var c = new Connection(endPoint);
                        connection = c;
                        return c.IsAlive();
                    }
                """);
            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task OwnerReturned_DoesNotReport()
        {
            var source = Code("""
                    static Entry Open(IPEndPoint endPoint)
                    {
                        var e = new Entry(new TcpClient());
                        try
                        {
                            e.Client.Connect(endPoint);
                            return e;
                        }
                        catch
                        {
                            e.Dispose();
                            throw;
                        }
                    }
                """);
            await Verify.VerifyAsync(NotDisposed, source);
            await Verify.VerifyAsync(LeakedOnException, source);
        }

        [Fact]
        public async Task OwnerConnectingBeforeItIsReturned_ReportsTheThrowingOperation()
        {
            var source = Code("""
                    static Entry Open(IPEndPoint endPoint)
                    {
                        var e = new Entry({|#0:new TcpClient()|});
                        e.Client.{|#1:Connect|}(endPoint);
                        return e;
                    }

                    static Connection Greet(IPEndPoint endPoint, byte[] data)
                    {
                        var c = {|#2:new Connection(endPoint)|};
                        c.{|#3:Send|}(data);
                        return c;
                    }
                """);
            await Verify.VerifyAsync(
                LeakedOnException,
                source,
                Verify.Diagnostic(LeakedOnException).WithLocation(0).WithLocation(1).WithArguments("e (Entry)", "Connect"),
                Verify.Diagnostic(LeakedOnException).WithLocation(2).WithLocation(3).WithArguments("c (Connection)", "Send"));
        }

        [Fact]
        public async Task OwnerMethodThatOnlyReadsState_IsNoThrowPoint()
        {
            var source = Code("""
                    static Connection Open(IPEndPoint endPoint)
                    {
                        var c = new Connection(endPoint);
                        Console.WriteLine(c.IsAlive());
                        return c;
                    }
                """);
            await Verify.VerifyAsync(LeakedOnException, source);
        }

        [Fact]
        public async Task AcceptedConnectionWrappedAndDroppedOnABranch_ReportsTheAcceptNamingTheOwner()
        {
            var source = Code("""
                    static void Serve(TcpListener listener, int limit, int active)
                    {
                        while (true)
                        {
                            var e = new Entry({|#0:listener.AcceptTcpClient()|});
                            if (active >= limit)
                            {
                                continue;
                            }

                            all.Add(e);
                        }
                    {|#1:}|}

                    static readonly List<Entry> all = new List<Entry>();
                """);
            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1)
                .WithArguments("AcceptTcpClient", "the next iteration replaces it while it is still open (held by 'Entry', which closes it in Dispose)"));
        }

        [Fact]
        public async Task OwnerInALocalFunctionDisposedInFinally_DoesNotReport()
        {
            var source = Code("""
                    static void Probe(IPEndPoint endPoint, byte[] data)
                    {
                        Send();

                        void Send()
                        {
                            var c = new Connection(endPoint);
                            try
                            {
                                c.Send(data);
                            }
                            finally
                            {
                                c.Dispose();
                            }
                        }
                    }
                """);
            await Verify.VerifyAsync(NotDisposed, source);
            await Verify.VerifyAsync(LeakedOnException, source);
        }
    }
}
