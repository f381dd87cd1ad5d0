using JasperFx.Events;
using Ledger.Store.Hosting;
using Marten.Events.Projections;

namespace Ledger.Store.Records;

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
