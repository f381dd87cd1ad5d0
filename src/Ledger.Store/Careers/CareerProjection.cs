using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Ledger.Store.Careers;

// Every stored read model runs inline, in the transaction of the append that feeds them. Every CLI
// verb is a short process with no daemon running between verbs, a command decides on the standing
// record as it is, and a user who adds a result expects the next verb to show it: so no read model
// may lag behind its events. The career itself is folded live from its stream when asked.

/// <summary>The athlete's career (<see cref="Career.Fold"/>), folded from the stream whenever it is asked for.</summary>
public sealed class CareerProjection : SingleStreamProjection<Career, string>
{
    public override Career Evolve(Career? snapshot, string id, IEvent e)
    {
        snapshot ??= new Career { Id = id };
        snapshot.Fold(e.Data);
        return snapshot;
    }
}
