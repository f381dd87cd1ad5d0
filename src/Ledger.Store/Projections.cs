using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
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
        NationalRecordSet e => NationalRecordProgression.KeyOf(e.Country, e.Sex, e.Discipline),
        NationalRecordRescinded e => NationalRecordProgression.KeyOf(e.Country, e.Sex, e.Discipline),
        _ => throw new ArgumentException($"{record.GetType().Name} is not a national record event", nameof(record)),
    };

    public override NationalRecordProgression Evolve(NationalRecordProgression? snapshot, string id, IEvent e)
    {
        snapshot ??= new NationalRecordProgression { Id = id };
        switch (e.Data)
        {
            case NationalRecordSet set:
                snapshot.Set(e.StreamKey!, set, AsStored(e.Timestamp));
                break;
            case NationalRecordRescinded rescinded:
                snapshot.Rescind(e.StreamKey!, rescinded, AsStored(e.Timestamp));
                break;
        }

        return snapshot;
    }

    /// <summary>
    /// The event's time as PostgreSQL keeps it, to the microsecond. Inline, the projection sees the
    /// time this process stamped, to the tick; without this, a known-at instant copied from the
    /// audit could fall just before the record it names, and a rebuild would change the document.
    /// </summary>
    private static DateTimeOffset AsStored(DateTimeOffset timestamp) => new(timestamp.Ticks - timestamp.Ticks % 10, timestamp.Offset);
}
