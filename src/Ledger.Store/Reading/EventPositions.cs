
namespace Ledger.Store.Reading;

/// <summary>Where the event store stands: what an answer depends on, so a cache can tell it is still good.</summary>
public sealed class EventPositions(IDocumentStore store, ReadsFromPrimary? fromPrimary = null) : Reads(store, fromPrimary)
{
    /// <summary>
    /// What every read of the athlete depends on: the version of the stream and when it last grew
    /// ("0" when there is none). The time tells apart a ledger emptied and filled again.
    /// </summary>
    public async Task<string> StreamStateAsync(string athlete, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var state = await session.Events.FetchStreamStateAsync(athlete, cancellation);
        return state is null ? "0" : $"{state.Version}.{state.LastTimestamp.UtcTicks}";
    }

    /// <summary>What every read of the whole ledger depends on: its last event, by sequence and time ("0" when none).</summary>
    public async Task<string> LastEventAsync(CancellationToken cancellation = default)
    {
        await using var session = Session();
        var last = await session.QueryAsync<string>(
            $"select seq_id || '.' || (extract(epoch from timestamp) * 1000000)::bigint from {Store.Options.Events.DatabaseSchemaName}.mt_events " +
            "order by seq_id desc limit 1",
            cancellation);
        return last.SingleOrDefault() ?? "0";
    }
}
