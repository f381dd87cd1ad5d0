using Ledger.Store.Reading;

namespace Ledger.Store.Audit;

/// <summary>An athlete's stream as appended: who recorded what, and when.</summary>
public sealed class AuditQueries(IDocumentStore store, ReadsFromPrimary? fromPrimary = null) : Reads(store, fromPrimary)
{
    /// <summary>Every event as appended, with who and when; a correction shows the result before and after.</summary>
    public async Task<AuditView> AuditAsync(string athlete, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var stream = await session.Events.FetchStreamAsync(athlete, token: cancellation);
        if (stream.Count == 0) throw NotFound.Athlete(athlete);

        var career = new Career { Id = athlete };
        var events = new List<AuditEntryView>();
        foreach (var e in stream)
        {
            var before = e.Data is ResultCorrected correction ? career.FindResult(correction.ResultId)?.Result : null;
            events.Add(new AuditEntryView(e.Version, e.Timestamp.ToUniversalTime(), e.EventTypeName, e.UserName, e.CorrelationId, e.Id, e.Data,
                before, before is null ? null : Career.CorrectedBy(before, (ResultCorrected)e.Data)));
            career.Fold(e.Data);
        }

        return new AuditView(athlete, events);
    }
}
