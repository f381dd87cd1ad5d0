using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;
using Ledger.Store.Hosting;
using Marten.Events.Aggregation;
using Marten.Storage;
using Npgsql;

namespace Ledger.Store.Athletes;

/// <summary>
/// The athlete's summary for lists, search and record decisions (<see cref="AthleteSummary.Fold"/>); a
/// correction or an annulment draws it again from the career as it then stands (<see cref="AthleteSummary.Of"/>). A rebuild
/// draws each from the whole career, as an import does, and copies them into the emptied table (<see cref="AthleteReplay"/>).
/// </summary>
public sealed class AthleteSummaryProjection : SingleStreamProjection<AthleteSummary, string>, ISubscriptionSource<IDocumentOperations, IQuerySession>
{
    public AthleteSummaryProjection()
    {
        foreach (var type in AthleteSummary.EventTypes) IncludeType(type);
        // Its rebuild empties the table itself (AthleteReplay), by truncate, not by the daemon's delete of every row.
        Options.TeardownDataOnRebuild = false;
    }

    /// <summary>
    /// The athlete's events of one batch at once. Where one of them needs the whole career, the
    /// summary is drawn once for the batch: from the batch alone when it starts the stream (as most
    /// of a rebuild does), else from the stream's stored events before it (a command's, inline).
    /// </summary>
    public override async ValueTask<(AthleteSummary?, ActionType)> DetermineActionAsync(IQuerySession session, AthleteSummary? snapshot, string identity,
        IIdentitySetter<AthleteSummary, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (!events.Any(e => AthleteSummary.NeedsTheCareer(e.Data)))
        {
            snapshot ??= new AthleteSummary { Id = identity };
            foreach (var e in events) snapshot.Fold(e.Data);
            return (snapshot, ActionType.Store);
        }

        // Version 0: not known yet, so every stored event comes before these.
        var first = events[0].Version;
        var career = first == 1
            ? new Career { Id = identity }
            : await session.Events.AggregateStreamAsync<Career>(identity, version: first > 1 ? first - 1 : 0, token: cancellation)
                ?? new Career { Id = identity };
        foreach (var e in events) career.Fold(e.Data);
        return (AthleteSummary.Of(career), ActionType.Store);
    }

    IReadOnlyList<AsyncShard<IDocumentOperations, IQuerySession>> ISubscriptionSource<IDocumentOperations, IQuerySession>.Shards() =>
        [AthleteReplay.Shard(this, (store, database) => new Replay(store, database))];

    private sealed class Replay(IDocumentStore store, IMartenDatabase database) : AthleteReplay(store, database)
    {
        protected override string Table => Store.TableOf<AthleteSummary>();

        protected override IReadOnlyList<Type> EventTypes => AthleteSummary.EventTypes;

        protected override Task WriteAsync(NpgsqlConnection connection, IAsyncEnumerable<IReadOnlyList<StoredEvent>> athletes,
            CancellationToken cancellation) =>
            AthleteSummaryRows.CopyAsync(connection, Store, athletes.Select(SummaryOf), frozen: true, cancellation);

        private static (AthleteSummary, long) SummaryOf(IReadOnlyList<StoredEvent> events)
        {
            var career = new Career { Id = events[0].Stream };
            foreach (var e in events) career.Fold(e.Data);
            return (AthleteSummary.Of(career), events[^1].Version);
        }
    }
}
