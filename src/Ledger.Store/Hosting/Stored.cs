namespace Ledger.Store.Hosting;

/// <summary>How PostgreSQL keeps what the ledger stores.</summary>
public static class Stored
{
    /// <summary>
    /// An instant as a timestamptz column keeps it: to the microsecond, in UTC. Inline, a projection sees the
    /// time this process stamped, to the tick; without this, a known-at instant copied from the
    /// audit could fall just before the fact it names, and a rebuild would change the document.
    /// </summary>
    public static DateTimeOffset Instant(DateTimeOffset timestamp) =>
        new DateTimeOffset(timestamp.Ticks - timestamp.Ticks % 10, timestamp.Offset).ToUniversalTime();
}
