using JasperFx.Events;
using Ledger.Store.Hosting;
using Marten.Events.Projections;

namespace Ledger.Store.Records;

/// <summary>
/// National records across athletes, one document per country, sex and discipline
/// (<see cref="NationalRecordProgression"/>), holding every mark that was ever the record with the time the
/// ledger learned of it and of what became of it. The document names the events it folds and how.
/// </summary>
public sealed class NationalRecordsProjection : MultiStreamProjection<NationalRecordProgression, string>
{
    public NationalRecordsProjection()
    {
        // Inline, the projection is shown every event of the append: one of another kind has no key, which Marten puts in no document.
        Identity<IEvent>(e => NationalRecordProgression.KeyOf(e.Data)!);
        // Evolve takes any event, so Marten cannot tell the types it needs: named, a rebuild loads only these.
        foreach (var type in NationalRecordProgression.EventTypes) IncludeType(type);
        Options.BatchSize = 5000;
    }

    public override NationalRecordProgression Evolve(NationalRecordProgression? snapshot, string id, IEvent e)
    {
        snapshot ??= new NationalRecordProgression { Id = id };
        snapshot.Apply(e.StreamKey!, e.Data, Stored.Instant(e.Timestamp));
        return snapshot;
    }
}
