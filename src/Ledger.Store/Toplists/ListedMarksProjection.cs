using JasperFx.Events.Projections;
using JasperFx.Events;
using Ledger.Store.Hosting;
using Marten.Events.Projections;

namespace Ledger.Store.Toplists;

/// <summary>
/// The marks of the toplists (<see cref="ListedMarks"/>), each athlete's events of a batch at once.
/// A mark names its athlete, so a batch that does not start the stream first reads the registration;
/// a correction or an annulment changes a version opened earlier, so a batch with one first reads
/// the events before it. Only the versions the batch opens or closes are written. Commands run it inline; a rebuild writes
/// the same rows its own way (<see cref="ListedMarksSource"/>).
/// </summary>
public sealed class ListedMarksProjection : ProjectionBase, IProjection
{
    public ListedMarksProjection()
    {
        Name = "ListedMarks";
        foreach (var type in ListedMarks.EventTypes) IncludeType(type);
        // Its rebuild empties the table itself (AthleteReplay), by truncate: the daemon's own teardown deleted every row first,
        // 9.5 s at 10 million events.
        Options.TeardownDataOnRebuild = false;
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.GroupBy(e => e.StreamKey!))
        {
            var slice = stream.ToList();
            if (!slice.Any(e => ListedMarks.Concerns(e.Data))) continue;

            var career = new Career { Id = stream.Key };
            var marks = new ListedMarks();
            foreach (var e in await BeforeAsync(operations, slice, cancellation)) Take(career, marks, e);
            marks.Saved();
            foreach (var e in slice) Take(career, marks, e);
            ListedMarkRows.Insert(operations, marks.Opened);
            ListedMarkRows.Close(operations, marks.Closed);
        }
    }

    /// <summary>The stored events of the stream this slice needs: none, the registration, or all before it.</summary>
    private static async Task<IReadOnlyList<IEvent>> BeforeAsync(IQuerySession session, IReadOnlyList<IEvent> slice, CancellationToken cancellation)
    {
        if (slice[0].Data is AthleteRegistered) return [];
        // Version 0: not known yet (inline), so every stored event comes before these.
        var first = slice[0].Version;
        var version = slice.Any(e => e.Data is ResultCorrected or ResultAnnulled) ? Math.Max(first - 1, 0) : 1;
        return await session.Events.FetchStreamAsync(slice[0].StreamKey!, version: version, token: cancellation);
    }

    private static void Take(Career career, ListedMarks marks, IEvent e) => Take(career, marks, new StoredEvent(e.StreamKey!, e.Id, e.Data,
        Stored.Instant(e.Timestamp), e.Version));

    /// <summary>The marks an event opens or closes, taken with the career as it stood before it, and then folded into it.</summary>
    internal static void Take(Career career, ListedMarks marks, StoredEvent e)
    {
        marks.Take(career, e.Id, e.RecordedAt, e.Data);
        career.Fold(e.Data);
    }
}
