using System;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>
/// Picks identifiers from word pools with the corpus' seeded random, so files read like different authors wrote
/// them. Type names always end in the file index, which keeps them unique across one compilation.
/// </summary>
internal sealed class NameGenerator
{
    private static readonly string[] NetworkPrefixes =
    [
        "Echo", "Relay", "Frame", "Line", "Chunk", "Command", "Heartbeat", "Gateway", "Proxy", "Broker", "Beacon",
        "Telemetry", "Chat", "Game", "Metrics", "Replication", "Sync", "Control", "Ingest", "Tunnel", "Feed", "Quote",
    ];

    private static readonly string[] DomainNouns =
    [
        "Order", "Invoice", "Customer", "Sensor", "Shipment", "Catalog", "Account", "Session", "Device", "Report",
        "Ticket", "Booking", "Payment", "Inventory", "Profile", "Message", "Route", "Warehouse", "Employee", "Tenant",
        "Subscription", "Product", "Vehicle", "Patient", "Appointment", "Campaign", "Document", "Ledger", "Supplier",
    ];

    private static readonly string[] Adjectives =
    [
        "Pending", "Active", "Archived", "Primary", "Default", "Cached", "Remote", "Local", "Scheduled", "Batch",
    ];

    private static readonly string[] Companies = ["Contoso", "Northwind", "Fabrikam", "Tailspin", "Adatum", "Litware", "Woodgrove"];

    private readonly Random random;

    public NameGenerator(Random random)
    {
        this.random = random;
        this.Company = this.Pick(Companies);
    }

    /// <summary>The root namespace of the whole generated solution.</summary>
    public string Company { get; }

    public string NetworkPrefix() => this.Pick(NetworkPrefixes);

    public string Noun() => this.Pick(DomainNouns);

    public string Adjective() => this.Pick(Adjectives);

    public string SocketLocal() => this.Pick(["socket", "connection", "peer", "conn", "remote", "sock", "channel"]);

    public string ListenerLocal() => this.Pick(["listener", "acceptor", "serverSocket", "listenSocket"]);

    public string BufferLocal() => this.Pick(["buffer", "chunk", "frame", "scratch", "block", "payload"]);

    public string TokenParameter() => this.Pick(["cancellationToken", "ct", "token", "stoppingToken"]);

    public string Field(string stem) => this.Pick(["_", "m_", "_"]) + stem;

    public int BufferSize() => this.Pick([512, 1024, 2048, 4096, 8192, 16384, 65536]);

    public int Port() => this.Pick([5000, 5001, 7000, 8080, 8443, 9000, 9090, 11000, 12345, 27015]);

    public int Backlog() => this.Pick([16, 32, 64, 100, 128, 256, 512]);

    public T Pick<T>(T[] values) => values[this.random.Next(values.Length)];
}
