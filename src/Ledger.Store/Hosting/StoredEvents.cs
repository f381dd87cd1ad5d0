using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten.Events;
using Npgsql;
using Row = (string Stream, System.Guid Id, string Type, string Json, System.DateTimeOffset At, long Version);

namespace Ledger.Store.Hosting;

/// <summary>A stored event as an import and a rebuild read it: its stream, id, data, the instant it was recorded and its version in the stream.</summary>
public sealed record StoredEvent(string Stream, Guid Id, object Data, DateTimeOffset RecordedAt, long Version);

/// <summary>
/// Many stored events read straight from Marten's events table, in the order the query gives them: the JSON of a batch of
/// rows is read on every core while the next batch is fetched, where reading them one by one through Marten took most of an
/// import into a full ledger.
/// </summary>
public static class StoredEvents
{
    // A batch's rows stay under the large object heap's 85,000 bytes: at 10,000 rows each batch's lists went there, and every
    // few batches made a full collection.
    private const int BatchSize = 1_000;

    /// <summary>The columns the query selects, in this order.</summary>
    public const string Columns = "stream_id, id, type, data, timestamp, version";

    public static async IAsyncEnumerable<StoredEvent> ReadAsync(NpgsqlCommand query, EventGraph events,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        var types = EventFormat.EventTypes.ToDictionary(type => events.EventMappingFor(type).EventTypeName);
        await using var reader = await query.ExecuteReaderAsync(cancellation);
        var rows = new List<Row>(BatchSize);
        Task<StoredEvent[]>? read = null;
        while (true)
        {
            var more = await reader.ReadAsync(cancellation);
            if (more)
                rows.Add((reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetInt64(5)));
            if (rows.Count < BatchSize && more) continue;

            if (read is not null) foreach (var e in await read) yield return e;
            var batch = rows;
            rows = new List<Row>(BatchSize);
            read = Task.Run(() => batch.AsParallel().AsOrdered()
                .Select(row => new StoredEvent(row.Stream, row.Id, JsonSerializer.Deserialize(row.Json, types[row.Type], EventFormat.Options)!,
                    Stored.Instant(row.At), row.Version))
                .ToArray(), cancellation);
            if (!more) break;
        }

        foreach (var e in await read) yield return e;
    }
}
