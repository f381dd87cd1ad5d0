using Ledger.Store.Hosting;
using Npgsql;

namespace Ledger.Store.Records;

/// <summary>What a command deciding a result's records weighs, and the locks it holds while it decides.</summary>
public static class StandingRecords
{
    /// <summary>
    /// Every list <paramref name="result"/> of the career can claim (<see cref="RecordList.For"/>), locked until the command
    /// commits, each with its progression and, where no record stood on the result's day, the best eligible mark of the
    /// other athletes it holds.
    /// </summary>
    /// <param name="held">The keys of the records the result holds, which a correction may rescind: locked with the others.</param>
    public static async Task<Func<RecordList, RecordContext>> ContextsAsync(IDocumentSession session, Career career, ResultRecorded result,
        IEnumerable<string> held, CancellationToken cancellation)
    {
        if (career.Athlete is not { } athlete) return RecordContext.Empty;
        var lists = RecordList.For(athlete, result).ToList();
        await LockAsync(session, lists.Select(l => l.Key).Union(held), cancellation);
        var progressions = (await session.LoadManyAsync<RecordProgression>(cancellation, lists.Select(l => l.Key))).ToDictionary(p => p.Id);
        var unheld = lists.Where(l => progressions.GetValueOrDefault(l.Key)?.Standing(result.Date.LastDay,
            leavingOut: e => e.Athlete == career.Id && e.ResultId == result.ResultId) is null).ToList();
        var known = await KnownMarks.BestAsync(session, result, unheld, career.Id, cancellation);
        return list => new RecordContext(progressions.GetValueOrDefault(list.Key) ?? RecordProgression.Of(list), known.GetValueOrDefault(list.Key));
    }

    /// <summary>
    /// Holds records until this command commits. Writers of different athletes never conflict on a stream, so without it two
    /// could decide on the same standing record, and the later commit would overwrite the record document the earlier
    /// updated. An import, which may touch any record, holds them all (<see cref="AdvisoryLocks"/>). Held in the command's one
    /// transaction, which <see cref="CommandIds{TAnswer}"/> began.
    /// </summary>
    public static Task LockAsync(IDocumentSession session, IEnumerable<string> keys, CancellationToken cancellation) =>
        session.ExecuteAsync(new NpgsqlCommand(AdvisoryLocks.Records) { Parameters = { new() { Value = keys.ToArray() } } }, cancellation);
}
