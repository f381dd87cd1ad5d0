using JasperFx.Events;
using Ledger.Store.Athletes;
using Ledger.Store.Hosting;
using Ledger.Store.Records;
using Ledger.Store.Toplists;
using Marten.Events;
using Marten.Services;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Store.ImportExport;

/// <summary>
/// Appends many events at once through PostgreSQL's binary COPY, and brings every stored read model
/// up to date, in one transaction. Marten's own bulk append writes new streams only and leaves
/// inline projections behind; an import needs both, and holds every career it checked, so the
/// summaries are drawn from them. The rows are those Marten's quick append writes (string stream keys,
/// metadata columns on, one tenant); the tests read them back through Marten and rebuild every read
/// model from them.
/// </summary>
public sealed class BulkAppend : IAsyncDisposable
{
    private readonly IDocumentStore _store;
    private readonly StoreOptions _options;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly IDocumentSession _session;

    // One instant for every event that brings no recorded_at of its own, as a session stamps all its
    // events; kept to the microsecond by Npgsql, and by the records projection (AsStored) alike.
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private BulkAppend(IDocumentStore store, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        (_store, _options, _connection, _transaction) = (store, (StoreOptions)store.Options, connection, transaction);
        _session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
    }

    private int _appended;

    /// <summary>The transaction's session, for what a caller reads before the events' COPY opens (no query can run while it is).</summary>
    public IQuerySession Session => _session;

    private string Schema => _options.Events.DatabaseSchemaName;

    private string SummaryTable => _store.TableOf<AthleteSummary>();

    /// <summary>Starts the transaction everything is written in; nothing is kept unless <see cref="CommitAsync"/> is reached.</summary>
    public static async Task<BulkAppend> BeginAsync(IDocumentStore store, CancellationToken cancellation)
    {
        // Written here row by row, so made first, as Marten makes them on a session's first use (the plain tables of the
        // lean read models are made with the rest by LedgerSchema, as every host starts).
        foreach (var storage in new[] { typeof(IEvent), typeof(AthleteSummary), typeof(RecordProgression) })
            await store.Storage.Database.EnsureStorageExistsAsync(storage, cancellation);

        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var append = new BulkAppend(store, connection, await connection.BeginTransactionAsync(cancellation));
        await append.ExecuteAsync(Settings, cancellation);
        await append.ExecuteAsync(AdvisoryLocks.AllRecords, cancellation);
        return append;
    }

    /// <summary>
    /// Two costs of a bulk load this transaction can shed. Each event row's foreign key to its stream is
    /// checked by a trigger, row by row, which halves the rate of the COPY; but this transaction writes
    /// or locks every stream row its events name before it writes them, so the check can only pass, and
    /// where the account may (a superuser), it is skipped, as pg_restore and logical replication skip it.
    /// And documents past PostgreSQL's TOAST threshold are compressed, which lz4 does in 60% of pglz's time.
    /// </summary>
    private const string Settings = """
        do $$
        begin
          if current_setting('is_superuser') = 'on' then
            set local session_replication_role = replica;
          end if;
          if exists (select from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
            set local default_toast_compression = lz4;
          end if;
        end $$
        """;

    /// <summary>
    /// The streams of these athletes as they stand: those already in the store locked until the append
    /// commits (a command on one of them waits, then decides again on what was imported), the others
    /// started.
    /// </summary>
    /// <param name="newFactsOnly">
    /// Whether only new facts follow, decided against these careers (an import of results): then a stored event is known by
    /// its id alone and no stored mark is held for closing, which spares hashing and listing every stored event. An import of
    /// files may say a fact again without an id, or correct one, and needs both.
    /// </param>
    public async Task<Dictionary<string, StreamAppend>> LockStreamsAsync(IReadOnlyList<string> athletes, CancellationToken cancellation,
        bool newFactsOnly = false)
    {
        var versions = new Dictionary<string, long>();
        await using (var reader = await QueryAsync($"select id, version from {Schema}.mt_streams where id = any(@ids) order by id for update",
            cancellation, ("ids", athletes.ToArray())))
            while (await reader.ReadAsync(cancellation)) versions[reader.GetString(0)] = reader.GetInt64(1);

        // The careers the lines are checked against, and the marks they may close, from the streams as they stand.
        var stored = versions.ToDictionary(v => v.Key, v => new StreamAppend(v.Key, v.Value, new Career { Id = v.Key }, new ListedMarks(), []));
        var existing = versions.Keys.ToArray();
        if (existing.Length > 0)
        {
            await using var query = Command($"select {StoredEvents.Columns} from {Schema}.mt_events where stream_id = any(@ids) order by seq_id",
                [("ids", existing)]);
            await foreach (var e in StoredEvents.ReadAsync(query, (EventGraph)_options.Events, cancellation))
            {
                var stream = stored[e.Stream];
                if (!newFactsOnly) stream.Marks.Take(stream.Career, e.Id, e.RecordedAt, e.Data);
                stream.Career.Fold(e.Data);
                // Known by its id, and by the identity its fields give a line without one: so a fact a
                // command appended (or an export's line brought with its own id) is skipped when a file
                // without ids says it again.
                stream.Seen.Add(e.Id);
                if (!newFactsOnly) stream.Seen.Add(EventFormat.IdentityOf(new EventEnvelope(e.Stream, e.Data)));
            }

            foreach (var stream in stored.Values) stream.Marks.Saved();
        }

        var started = athletes.Where(a => !versions.ContainsKey(a)).ToArray();
        // Version 0 until the events are in: FinishAsync sets the real one.
        await ExecuteAsync($"insert into {Schema}.mt_streams (id, version, timestamp, created) select id, 0, @now, @now from unnest(@ids) id",
            cancellation, ("ids", started), ("now", _now));

        return athletes.ToDictionary(a => a, a => stored.GetValueOrDefault(a) ?? new StreamAppend(a, 0, new Career { Id = a }, new ListedMarks(), []));
    }

    /// <summary>
    /// Opens the COPY of events; at most <paramref name="most"/> of them. Their sequence numbers are
    /// taken first, since no query can run while a COPY is open; those a skipped line leaves unused
    /// are gaps, as a rolled-back append leaves.
    /// </summary>
    public async Task<EventRows> StartEventsAsync(int most, CancellationToken cancellation)
    {
        var sequences = new List<long>(most);
        await using (var reader = await QueryAsync($"select nextval('{Schema}.mt_events_sequence') from generate_series(1, @most)",
            cancellation, ("most", most)))
            while (await reader.ReadAsync(cancellation)) sequences.Add(reader.GetInt64(0));

        var copy = await _connection.BeginBinaryImportAsync(
            $"copy {Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, correlation_id, user_name) " +
            "from stdin (format binary)",
            cancellation);
        return new EventRows(copy, sequences, (EventGraph)_options.Events, _now);
    }

    /// <summary>
    /// Rows of mt_events, each with the next sequence and its stream's next version. An event is
    /// written before its stream folds it: its marks are taken with the career as it stood before.
    /// </summary>
    public sealed class EventRows(NpgsqlBinaryImporter copy, List<long> sequences, EventGraph events, DateTimeOffset now) : IAsyncDisposable
    {
        private int _written;

        public async Task WriteAsync(StreamAppend stream, NewEvent e, CancellationToken cancellation)
        {
            var mapping = events.EventMappingFor(e.Data.GetType());
            var recordedAt = e.RecordedAt ?? now;
            await copy.StartRowAsync(cancellation);
            await copy.WriteAsync(sequences[_written++], NpgsqlDbType.Bigint, cancellation);
            await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellation);
            await copy.WriteAsync(stream.Athlete, NpgsqlDbType.Varchar, cancellation);
            await copy.WriteAsync(stream.Version + ++stream.Appended, NpgsqlDbType.Bigint, cancellation);
            await copy.WriteAsync(e.Json, NpgsqlDbType.Jsonb, cancellation);
            await copy.WriteAsync(mapping.EventTypeName, NpgsqlDbType.Varchar, cancellation);
            await copy.WriteAsync(recordedAt, NpgsqlDbType.TimestampTz, cancellation);
            await copy.WriteAsync(mapping.DotNetTypeName, NpgsqlDbType.Varchar, cancellation);
            await copy.WriteAsync(e.CorrelationId, NpgsqlDbType.Varchar, cancellation);
            await copy.WriteAsync(e.User, NpgsqlDbType.Varchar, cancellation);
            if (RecordProgression.KeysOf(e.Data).Count > 0) stream.Records.Add((e.Data, recordedAt));
            stream.Marks.Take(stream.Career, e.Id, Stored.Instant(recordedAt), e.Data);
        }

        public async Task CompleteAsync(CancellationToken cancellation) => await copy.CompleteAsync(cancellation);

        public ValueTask DisposeAsync() => copy.DisposeAsync();
    }

    /// <summary>After the events: each stream's version, the national records the events touched, and the summaries.</summary>
    public async Task FinishAsync(IReadOnlyCollection<StreamAppend> streams, IProgress<WorkDone>? progress, CancellationToken cancellation)
    {
        void Report(int done) => progress?.Report(new WorkDone(WritingReadModels, done, 3));
        Report(0);
        var changed = streams.Where(s => s.Appended > 0).ToList();
        _appended = changed.Sum(s => s.Appended);
        await ExecuteAsync($"update {Schema}.mt_streams s set version = u.version, timestamp = @now " +
            "from unnest(@ids, @versions) u(id, version) where s.id = u.id",
            cancellation, ("now", _now),
            ("ids", changed.Select(s => s.Athlete).ToArray()),
            ("versions", changed.Select(s => s.Version + s.Appended).ToArray()));
        await UpdateRecordsAsync(changed, cancellation);
        Report(1);
        await WriteSummariesAsync(changed.Where(s => s.SummaryChanged).ToList(), cancellation);
        Report(2);
        await WriteMarksAsync(changed, cancellation);
        Report(3);
    }

    /// <summary>
    /// The marks the events opened or closed, as the toplist projection writes them: the new ones by COPY,
    /// the closing of stored ones queued with the session's writes.
    /// </summary>
    private async Task WriteMarksAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellation)
    {
        var opened = streams.SelectMany(s => s.Marks.Opened).ToList();
        ListedMarkRows.Close(_session, streams.SelectMany(s => s.Marks.Closed).ToList());
        await ListedMarkRows.CopyAsync(_connection, opened.ToAsyncEnumerable(), indexesAfter: opened.Count >= 10_000, frozen: false, cancellation);
    }

    /// <summary>
    /// Each summary as the summary projection would leave it (the outline of the career as it now stands), by COPY
    /// (<see cref="AthleteSummaryRows"/>).
    /// </summary>
    private async Task WriteSummariesAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellation)
    {
        await ExecuteAsync($"delete from {SummaryTable} where id = any(@ids)", cancellation,
            ("ids", streams.Where(s => s.Version > 0).Select(s => s.Athlete).ToArray()));
        await AthleteSummaryRows.CopyAsync(_connection, _store, streams.Select(s => (AthleteSummary.Of(s.Career), s.Version + s.Appended)).ToAsyncEnumerable(),
            frozen: false, cancellation);
    }

    public const string WritingReadModels = "writing read models";

    /// <summary>The record documents the new events touch, brought up to date by their own fold, as the records projection does.</summary>
    private async Task UpdateRecordsAsync(IReadOnlyList<StreamAppend> streams, CancellationToken cancellation)
    {
        var records = streams.SelectMany(s => s.Records.Select(r => (s.Athlete, r.Record, r.RecordedAt))).ToList();
        if (records.Count == 0) return;

        var lists = records.SelectMany(r => RecordList.FoldedBy(r.Record)).DistinctBy(l => l.Key).ToList();
        var progressions = (await _session.LoadManyAsync<RecordProgression>(cancellation, lists.Select(l => l.Key))).ToDictionary(p => p.Id);
        foreach (var list in lists) progressions.TryAdd(list.Key, RecordProgression.Of(list));
        foreach (var (athlete, record, recordedAt) in records)
        foreach (var key in RecordProgression.KeysOf(record))
            progressions[key].Apply(athlete, record, Stored.Instant(recordedAt));

        _session.Store(progressions.Values.ToArray());
    }

    public async Task CommitAsync(CancellationToken cancellation)
    {
        await _session.SaveChangesAsync(cancellation);
        await _transaction.CommitAsync(cancellation);

        // Until autovacuum comes by (a minute or more), the planner takes a table that just grew by
        // a large import for what it was before, and plans the next reads, a rebuild's above all,
        // for a table many times smaller: measured, a rebuild right after importing a million
        // events took 31 s instead of 17 s. Sampling the tables again costs half a second.
        if (_appended >= 10_000)
        {
            await _connection.ExecuteAsync($"analyze {Schema}.mt_events, {Schema}.mt_streams, {ListedMarkRows.Name}", cancellation);
            // The athletes' index counts the summaries for its pages: vacuumed, their visibility map lets the count read an
            // index alone, not every summary (at 200,000 athletes the page took 193 ms, 15 ms so). A row per athlete, it is
            // small beside the events.
            await _connection.ExecuteAsync($"vacuum (analyze) {SummaryTable}", cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private Task<NpgsqlDataReader> QueryAsync(string sql, CancellationToken cancellation, params (string Name, object Value)[] parameters) =>
        Command(sql, parameters).ExecuteReaderAsync(cancellation);

    private async Task ExecuteAsync(string sql, CancellationToken cancellation, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection, _transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
