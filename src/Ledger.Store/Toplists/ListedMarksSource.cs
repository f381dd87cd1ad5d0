using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;
using Ledger.Store.Hosting;
using Marten.Storage;
using Npgsql;

namespace Ledger.Store.Toplists;

/// <summary>
/// The toplists' marks as Marten runs them (<see cref="ListedMarksProjection"/>, inline), rebuilt as an import writes them
/// (<see cref="AthleteReplay"/>): each athlete's marks taken as the projection takes them, and copied into the emptied table
/// with its indexes built after the rows.
/// </summary>
public sealed class ListedMarksSource() : ProjectionWrapper<IDocumentOperations, IQuerySession>(new ListedMarksProjection(), ProjectionLifecycle.Inline),
    ISubscriptionSource<IDocumentOperations, IQuerySession>
{
    IReadOnlyList<AsyncShard<IDocumentOperations, IQuerySession>> ISubscriptionSource<IDocumentOperations, IQuerySession>.Shards() =>
        [AthleteReplay.Shard(this, (store, database) => new Replay(store, database))];

    private sealed class Replay(IDocumentStore store, IMartenDatabase database) : AthleteReplay(store, database)
    {
        protected override string Table => ListedMarkRows.Name.QualifiedName;

        protected override IReadOnlyList<Type> EventTypes => ListedMarks.EventTypes;

        protected override Task WriteAsync(NpgsqlConnection connection, IAsyncEnumerable<IReadOnlyList<StoredEvent>> athletes,
            CancellationToken cancellation) =>
            ListedMarkRows.CopyAsync(connection, athletes.SelectMany(MarksOf), indexesAfter: true, frozen: true, cancellation);

        private static IEnumerable<ListedMark> MarksOf(IReadOnlyList<StoredEvent> events)
        {
            var (career, marks) = (new Career { Id = events[0].Stream }, new ListedMarks());
            foreach (var e in events) ListedMarksProjection.Take(career, marks, e);
            return marks.Opened;
        }
    }
}
