using JasperFx.Events;

namespace Ledger.Store.ImportExport;

/// <summary>
/// Writes each athlete's stream as <c>FOLDER/ATHLETE.jsonl</c> in the import format, with the id, time,
/// user and correlation of every event, so an import of the folder gives the same ledger back. The
/// events are read in one ordered pass and written as they come: one athlete's events in memory at
/// a time, however large the ledger.
/// </summary>
public sealed class Exporter(IDocumentStore store)
{
    public async Task<ExportOutcome> ExportAsync(IReadOnlyList<string> athletes, string folder, IProgress<WorkDone>? progress = null,
        CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var total = await CountAsync(session, athletes, cancellation);
        Directory.CreateDirectory(folder);

        IQueryable<IEvent> events = session.Events.QueryAllRawEvents();
        if (athletes.Count > 0) events = events.Where(e => e.StreamKey.IsOneOf(athletes.ToArray()));
        var (written, streams) = (0, 0);
        StreamWriter? file = null;
        var athlete = "";
        try
        {
            await foreach (var e in events.OrderBy(e => e.StreamKey).ThenBy(e => e.Version).ToAsyncEnumerable(cancellation))
            {
                if (e.StreamKey != athlete)
                {
                    if (file is not null) await file.DisposeAsync();
                    athlete = e.StreamKey!;
                    file = new StreamWriter(Path.Combine(folder, $"{athlete}.jsonl"));
                    streams++;
                }

                await file!.WriteLineAsync(EventFormat.Write(new EventEnvelope(athlete, e.Data, e.Id, e.Timestamp, e.UserName, e.CorrelationId)));
                if (++written % 10_000 == 0) progress?.Report(new WorkDone(Writing, written, total));
            }
        }
        finally
        {
            if (file is not null) await file.DisposeAsync();
        }

        progress?.Report(new WorkDone(Writing, written, total));
        return new ExportOutcome(streams, written);
    }

    public const string Writing = "writing events";

    /// <summary>How many events there are to write; an athlete named but unknown refuses the export before anything is written.</summary>
    private static async Task<int> CountAsync(IQuerySession session, IReadOnlyList<string> athletes, CancellationToken cancellation)
    {
        var total = 0;
        foreach (var athlete in athletes)
            total += (int)((await session.Events.FetchStreamStateAsync(athlete, cancellation))?.Version ?? throw NotFound.Athlete(athlete));
        return athletes.Count > 0 ? total : (int)await session.Events.QueryAllRawEvents().LongCountAsync(cancellation);
    }
}
