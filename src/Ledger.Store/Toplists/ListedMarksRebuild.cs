using System.Diagnostics.CodeAnalysis;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;
using Ledger.Store.Hosting;
using Marten.Events;
using Marten.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ledger.Store.Toplists;

/// <summary>
/// The toplists' marks as Marten runs them (<see cref="ListedMarksProjection"/>, inline), rebuilt by Marten's daemon as an import
/// writes them: through the replay that JasperFx lets a projection run when it is rebuilt from the first event. Each athlete's
/// events are read in order, their marks taken as the projection takes them, and copied into the emptied table with its indexes
/// built after the rows. Through the projection's batches, the rebuild inserted every mark with four indexes kept up row by row,
/// and read every athlete's registration again for each batch.
/// </summary>
public sealed class ListedMarksSource() : ProjectionWrapper<IDocumentOperations, IQuerySession>(new ListedMarksProjection(), ProjectionLifecycle.Inline),
    ISubscriptionFactory<IDocumentOperations, IQuerySession>
{
    ISubscriptionExecution ISubscriptionFactory<IDocumentOperations, IQuerySession>.BuildExecution(IEventStore<IDocumentOperations, IQuerySession> store,
        IEventDatabase database, ILoggerFactory loggerFactory, ShardName shardName) =>
        new Execution(shardName, Options, store, database, Inner, loggerFactory.CreateLogger<ListedMarksSource>());

    ISubscriptionExecution ISubscriptionFactory<IDocumentOperations, IQuerySession>.BuildExecution(IEventStore<IDocumentOperations, IQuerySession> store,
        IEventDatabase database, ILogger logger, ShardName shardName) =>
        new Execution(shardName, Options, store, database, Inner, logger);

    private sealed class Execution(ShardName shardName, AsyncOptions options, IEventStore<IDocumentOperations, IQuerySession> store,
        IEventDatabase database, IJasperFxProjection<IDocumentOperations> projection, ILogger logger)
        : ProjectionExecution<IDocumentOperations, IQuerySession>(shardName, options, store, database, projection, logger)
    {
        public override bool TryBuildReplayExecutor([NotNullWhen(true)] out IReplayExecutor? executor)
        {
            executor = new Replay((IDocumentStore)_store, (IMartenDatabase)_database);
            return true;
        }
    }

    private sealed class Replay(IDocumentStore store, IMartenDatabase database) : IReplayExecutor
    {
        public async Task StartAsync(SubscriptionExecutionRequest request, ISubscriptionController controller, CancellationToken cancellation)
        {
            var events = (EventGraph)((StoreOptions)store.Options).Events;
            var ceiling = await database.FetchHighestEventSequenceNumber(cancellation);
            await using var reading = database.CreateConnection();
            await using var writing = database.CreateConnection();
            await reading.OpenAsync(cancellation);
            await writing.OpenAsync(cancellation);

            // Emptied by the daemon's teardown already; truncated, the table drops the old rows' space too.
            await using var transaction = await writing.BeginTransactionAsync(cancellation);
            await using (var truncate = new NpgsqlCommand($"truncate {ListedMarkRows.Name}", writing))
                await truncate.ExecuteNonQueryAsync(cancellation);

            await using var query = new NpgsqlCommand(
                $"select {StoredEvents.Columns} from {events.DatabaseSchemaName}.mt_events " +
                "where type = any(@types) and seq_id <= @ceiling and not is_archived order by stream_id, version", reading);
            query.Parameters.AddWithValue("types", ListedMarks.EventTypes.Select(type => events.EventMappingFor(type).EventTypeName).ToArray());
            query.Parameters.AddWithValue("ceiling", ceiling);
            await ListedMarkRows.CopyAsync(writing, MarksOf(StoredEvents.ReadAsync(query, events, cancellation)), indexesAfter: true, cancellation);
            await transaction.CommitAsync(cancellation);

            await using (var analyze = new NpgsqlCommand($"analyze {ListedMarkRows.Name}", writing))
                await analyze.ExecuteNonQueryAsync(cancellation);
            await controller.MarkSuccessAsync(ceiling);
        }

        /// <summary>The marks of events read athlete by athlete, each athlete's in the order they were appended.</summary>
        private static async IAsyncEnumerable<ListedMark> MarksOf(IAsyncEnumerable<StoredEvent> events)
        {
            var (career, marks) = (new Career(), new ListedMarks());
            await foreach (var e in events)
            {
                if (career.Id != e.Stream)
                {
                    foreach (var mark in marks.Opened) yield return mark;
                    (career, marks) = (new Career { Id = e.Stream }, new ListedMarks());
                }

                ListedMarksProjection.Take(career, marks, e);
            }

            foreach (var mark in marks.Opened) yield return mark;
        }
    }
}
