using System.Diagnostics.CodeAnalysis;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;
using Marten.Events;
using Marten.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ledger.Store.Hosting;

/// <summary>
/// A read model rebuilt as an import writes it, through the replay JasperFx lets a projection run when Marten's daemon rebuilds
/// it from the first event (<see cref="Shard"/>). Each athlete's events are read in the order they were appended, and the
/// read model's rows written by COPY into its emptied table, in one transaction; then the table is vacuumed. Through the
/// projection's batches, a rebuild read the events a page at a time, loaded what each page's athletes had so far, and wrote
/// row by row with every index kept up.
/// </summary>
public abstract class AthleteReplay(IDocumentStore store, IMartenDatabase database) : IReplayExecutor
{
    protected IDocumentStore Store => store;

    /// <summary>The table the read model is kept in.</summary>
    protected abstract string Table { get; }

    /// <summary>The events the projection takes: the others are not read.</summary>
    protected abstract IReadOnlyList<Type> EventTypes { get; }

    /// <summary>
    /// Writes the rows of these athletes' events, each athlete's events in order, to the table emptied in the connection's
    /// transaction: frozen (<see cref="Copying.Options"/>).
    /// </summary>
    protected abstract Task WriteAsync(NpgsqlConnection connection, IAsyncEnumerable<IReadOnlyList<StoredEvent>> athletes, CancellationToken cancellation);

    public async Task StartAsync(SubscriptionExecutionRequest request, ISubscriptionController controller, CancellationToken cancellation)
    {
        var events = (EventGraph)((StoreOptions)store.Options).Events;
        // The events are read on one connection while the rows are copied on the other.
        await using var reading = database.CreateConnection();
        await using var writing = database.CreateConnection();
        await reading.OpenAsync(cancellation);
        await writing.OpenAsync(cancellation);

        long ceiling;
        await using (var transaction = await writing.BeginTransactionAsync(cancellation))
        {
            // Emptied here, not by the daemon's teardown (each projection turns it off): truncated, the old rows' space goes at
            // once, where a delete would write every row again. The events are read after it: a command committed before is
            // read, and one that writes the table meanwhile waits for this transaction and writes its own rows after it, so
            // none is lost between the two.
            await writing.ExecuteAsync($"truncate {Table}", cancellation);
            ceiling = await database.FetchHighestEventSequenceNumber(cancellation);
            await using var query = new NpgsqlCommand(
                $"select {StoredEvents.Columns} from {events.DatabaseSchemaName}.mt_events " +
                "where type = any(@types) and not is_archived order by stream_id, version", reading);
            query.Parameters.AddWithValue("types", EventTypes.Select(type => events.EventMappingFor(type).EventTypeName).ToArray());
            await WriteAsync(writing, ByAthlete(StoredEvents.ReadAsync(query, events, cancellation)), cancellation);
            await transaction.CommitAsync(cancellation);
        }

        // Its rows written frozen, the table needs no vacuum (a count of its rows, the athletes' index, reads an index alone):
        // only its statistics, for the planner to know its new size.
        await writing.ExecuteAsync($"analyze {Table}", cancellation);
        await controller.MarkSuccessAsync(ceiling);
    }

    private static async IAsyncEnumerable<IReadOnlyList<StoredEvent>> ByAthlete(IAsyncEnumerable<StoredEvent> events)
    {
        var athlete = new List<StoredEvent>();
        await foreach (var e in events)
        {
            if (athlete.Count > 0 && athlete[0].Stream != e.Stream)
            {
                yield return athlete;
                athlete = [];
            }

            athlete.Add(e);
        }

        if (athlete.Count > 0) yield return athlete;
    }

    /// <summary>
    /// The daemon's shard of a projection, as the projection's own, but for its rebuild from the first event, which runs the
    /// replay <paramref name="replay"/> makes for the database rebuilt.
    /// </summary>
    public static AsyncShard<IDocumentOperations, IQuerySession> Shard<TProjection>(TProjection projection,
        Func<IDocumentStore, IMartenDatabase, AthleteReplay> replay)
        where TProjection : ProjectionBase, ISubscriptionFactory<IDocumentOperations, IQuerySession> =>
        new(projection.Options, ShardRole.Projection, ShardName.Compose(projection.Name, version: projection.Version), new Factory(projection, replay),
            projection);

    private sealed class Factory(ISubscriptionFactory<IDocumentOperations, IQuerySession> projection,
        Func<IDocumentStore, IMartenDatabase, AthleteReplay> replay) : ISubscriptionFactory<IDocumentOperations, IQuerySession>
    {
        public ISubscriptionExecution BuildExecution(IEventStore<IDocumentOperations, IQuerySession> store, IEventDatabase database,
            ILoggerFactory loggerFactory, ShardName shardName) =>
            new Execution(projection.BuildExecution(store, database, loggerFactory, shardName), replay((IDocumentStore)store, (IMartenDatabase)database));

        public ISubscriptionExecution BuildExecution(IEventStore<IDocumentOperations, IQuerySession> store, IEventDatabase database, ILogger logger,
            ShardName shardName) =>
            new Execution(projection.BuildExecution(store, database, logger, shardName), replay((IDocumentStore)store, (IMartenDatabase)database));
    }

    /// <summary>The daemon's execution of a projection, but for its rebuild from the first event, which runs the replay.</summary>
    private sealed class Execution(ISubscriptionExecution inner, IReplayExecutor replay) : ISubscriptionExecution
    {
        public ShardName ShardName => inner.ShardName;

        public ShardExecutionMode Mode
        {
            get => inner.Mode;
            set => inner.Mode = value;
        }

        public bool TryBuildReplayExecutor([NotNullWhen(true)] out IReplayExecutor? executor)
        {
            executor = replay;
            return true;
        }

        public ValueTask EnqueueAsync(EventPage page, ISubscriptionAgent subscriptionAgent) => inner.EnqueueAsync(page, subscriptionAgent);
        public Task StopAndDrainAsync(CancellationToken token) => inner.StopAndDrainAsync(token);
        public Task HardStopAsync() => inner.HardStopAsync();

        public Task ProcessImmediatelyAsync(SubscriptionAgent subscriptionAgent, EventPage events, CancellationToken cancellation) =>
            inner.ProcessImmediatelyAsync(subscriptionAgent, events, cancellation);

        public Task ProcessRangeAsync(EventRange range) => inner.ProcessRangeAsync(range);

        public bool TryGetAggregateCache<TId, TDoc>([NotNullWhen(true)] out IAggregateCaching<TId, TDoc>? caching) =>
            inner.TryGetAggregateCache(out caching);

        public Task CompactCachesAsync() => inner.CompactCachesAsync();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
