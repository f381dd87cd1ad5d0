using JasperFx.Events;
using Ledger.Store.Hosting;
using Marten.Events.Projections;

namespace Ledger.Store.Records;

/// <summary>
/// Records across athletes, one document per list (<see cref="RecordList"/>: scope, sex, discipline, indoors or out, any race
/// or women-only), holding every mark that ever claimed the record with the time the ledger learned of it and of what became
/// of it (<see cref="RecordProgression"/>). The document names the events it folds and how.
/// </summary>
public sealed class RecordProgressionsProjection : MultiStreamProjection<RecordProgression, string>
{
    public RecordProgressionsProjection()
    {
        // A claim or a rescind belongs to its own list; a verdict on a claim to each list of its record (both of a women's road discipline).
        Identity<NationalRecordSet>(e => RecordList.Of(e)!.Key);
        Identity<NationalRecordRescinded>(e => RecordList.Of(e)!.Key);
        Identity<RecordSet>(e => RecordList.Of(e)!.Key);
        Identity<RecordRescinded>(e => RecordList.Of(e)!.Key);
        Identities<RecordRatified>(e => RecordProgression.KeysOf(e));
        Identities<RecordNotRatified>(e => RecordProgression.KeysOf(e));
        // Evolve takes any event, so Marten cannot tell the types it needs: named, a rebuild loads only these.
        foreach (var type in RecordProgression.EventTypes) IncludeType(type);
        Options.BatchSize = 5000;
    }

    public override RecordProgression Evolve(RecordProgression? snapshot, string id, IEvent e)
    {
        snapshot ??= RecordList.FoldedBy(e.Data).Where(l => l.Key == id).Select(RecordProgression.Of).FirstOrDefault() ?? new RecordProgression { Id = id };
        snapshot.Apply(e.StreamKey!, e.Data, Stored.Instant(e.Timestamp));
        return snapshot;
    }
}
