using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Ledger.Domain;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Ledger.Store;

// Every stored read model runs inline, in the transaction of the append that feeds them. Every CLI
// verb is a short process with no daemon running between verbs, a command decides on the standing
// record as it is, and a user who adds a result expects the next verb to show it: so no read model
// may lag behind its events. The career itself is folded live from its stream when asked.

/// <summary>The athlete's career (<see cref="Career.Fold"/>), folded from the stream whenever it is asked for.</summary>
public sealed class CareerProjection : SingleStreamProjection<Career, string>
{
    public CareerProjection()
    {
        foreach (var type in EventFormat.EventTypes) IncludeType(type);
    }

    public override Career Evolve(Career? snapshot, string id, IEvent e)
    {
        snapshot ??= new Career { Id = id };
        snapshot.Fold(e.Data);
        return snapshot;
    }
}

/// <summary>
/// The athlete's summary for lists, search and record decisions (<see cref="AthleteSummary.Fold"/>); a
/// correction or an annulment draws it again from the career as it then stands (<see cref="AthleteSummary.Of"/>).
/// </summary>
public sealed class AthleteSummaryProjection : SingleStreamProjection<AthleteSummary, string>
{
    public AthleteSummaryProjection()
    {
        foreach (var type in AthleteSummary.EventTypes) IncludeType(type);
        Options.BatchSize = 5000;
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
            : await session.Events.AggregateStreamAsync<Career>(identity, version: first > 1 ? first - 1 : 0, token: cancellation) ?? new Career { Id = identity };
        foreach (var e in events) career.Fold(e.Data);
        return (AthleteSummary.Of(career), ActionType.Store);
    }
}

/// <summary>
/// National records across athletes, one document per country, sex and discipline, holding every
/// mark that was ever the record with the time the ledger learned of it and of any rescind.
/// </summary>
public sealed class NationalRecordsProjection : MultiStreamProjection<NationalRecordProgression, string>
{
    public NationalRecordsProjection()
    {
        Identity<NationalRecordSet>(RecordOf);
        Identity<NationalRecordRescinded>(RecordOf);
        // Evolve takes any event, so Marten cannot tell the types it needs: named, a rebuild loads only these.
        IncludeType<NationalRecordSet>();
        IncludeType<NationalRecordRescinded>();
        Options.BatchSize = 5000;
    }

    /// <summary>The document a record event belongs to: its country, sex and discipline.</summary>
    public static string RecordOf(object record) => record switch
    {
        NationalRecordSet e => NationalRecordProgression.KeyOf(e),
        NationalRecordRescinded e => NationalRecordProgression.KeyOf(e),
        _ => throw new ArgumentException($"{record.GetType().Name} is not a national record event", nameof(record)),
    };

    public override NationalRecordProgression Evolve(NationalRecordProgression? snapshot, string id, IEvent e)
    {
        snapshot ??= new NationalRecordProgression { Id = id };
        switch (e.Data)
        {
            case NationalRecordSet set:
                snapshot.Set(e.StreamKey!, set, Stored.Instant(e.Timestamp));
                break;
            case NationalRecordRescinded rescinded:
                snapshot.Rescind(e.StreamKey!, rescinded, Stored.Instant(e.Timestamp));
                break;
        }

        return snapshot;
    }
}

/// <summary>
/// The marks of the toplists (<see cref="ListedMarks"/>), each athlete's events of a batch at once.
/// A mark names its athlete, so a batch that does not start the stream first reads the registration;
/// a correction or an annulment changes a version opened earlier, so a batch with one first reads
/// the events before it. Only the versions the batch opens or closes are written.
/// </summary>
public sealed class ListedMarksProjection : ProjectionBase, IProjection
{
    public ListedMarksProjection()
    {
        Name = "ListedMarks";
        foreach (var type in ListedMarks.EventTypes) IncludeType(type);
        RegisterPublishedType(typeof(ListedMark));
        Options.DeleteViewTypeOnTeardown<ListedMark>();
        Options.BatchSize = 5000;
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
            ListedMarkRows.Insert(operations, marks.Opened.ToList());
            operations.Update(marks.Closed.ToArray());
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

    private static void Take(Career career, ListedMarks marks, IEvent e)
    {
        marks.Take(career, e.Id, Stored.Instant(e.Timestamp), e.Data);
        career.Fold(e.Data);
    }
}

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
