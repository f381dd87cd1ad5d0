using Ledger.Store.Hosting;
using Npgsql;

namespace Ledger.Store.Records;

/// <summary>What a command deciding a national record weighs, and the lock it holds while it decides.</summary>
public static class StandingRecords
{
    /// <summary>
    /// The standing record of the athlete's country, sex and <paramref name="discipline"/> (outdoors or
    /// indoors), or where none stands, the best record-eligible mark of any athlete of that country and
    /// sex; leaving out one result (the one a correction is about) when named.
    /// </summary>
    public static async Task<RecordContext> ContextAsync(IDocumentSession session, Career career, Discipline discipline, bool indoor, string? leavingOut,
        CancellationToken cancellation)
    {
        var (country, sex) = (career.Athlete!.Country, career.Athlete.Sex);
        var key = NationalRecordProgression.KeyOf(country, sex, discipline, indoor);
        await LockAsync(session, key, cancellation);
        var progression = await session.LoadAsync<NationalRecordProgression>(key, cancellation);
        var standing = progression?.Standing(leavingOut: e => leavingOut is not null && e.Athlete == career.Id && e.ResultId == leavingOut);

        if (standing is not null) return new RecordContext(standing, null);

        var compatriots = await session.Query<AthleteSummary>().Where(a => a.Country == country && a.Sex == sex && a.Id != career.Id).ToListAsync(cancellation);
        var known = compatriots
            .Select(a => a.BestEligible(discipline, indoor))
            .Append(career.BestEligible(discipline, indoor, leavingOut))
            .Aggregate((Mark?)null, discipline.Best);

        return new RecordContext(standing, known);
    }

    /// <summary>
    /// Holds the record of one country, sex and discipline until this command commits. Writers of
    /// different athletes never conflict on a stream, so without it two could decide on the same
    /// standing record, and the later commit would overwrite the record document the earlier updated.
    /// An import, which may touch any record, holds them all (<see cref="AdvisoryLocks"/>). Held in the
    /// command's one transaction, which <see cref="CommandIds{TAnswer}"/> began.
    /// </summary>
    public static Task LockAsync(IDocumentSession session, string key, CancellationToken cancellation) =>
        session.ExecuteAsync(new NpgsqlCommand(AdvisoryLocks.Record) { Parameters = { new() { Value = key } } }, cancellation);
}
