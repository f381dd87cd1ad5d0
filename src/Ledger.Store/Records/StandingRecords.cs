using Ledger.Store.Hosting;
using Npgsql;

namespace Ledger.Store.Records;

/// <summary>What a command deciding a result's records weighs, and the locks it holds while it decides.</summary>
public static class StandingRecords
{
    /// <summary>
    /// Every list <paramref name="result"/> of the career can claim (<see cref="RecordList.For"/>), held shared until the command
    /// commits (alone those it writes: <see cref="HoldWrittenAsync"/>), each with its progression and the best eligible mark of the
    /// other athletes it holds by the result's day (which the decision weighs where no record stood). One round trip: the lock,
    /// then the reads it guards, each statement seeing what was committed before it.
    /// </summary>
    /// <param name="held">The keys of the records the result holds, which a correction may rescind: held alone.</param>
    /// <param name="alone">
    /// Whether to hold every list alone, not shared: when the command is made again after it could not hold alone the records it
    /// writes (<see cref="HoldWrittenAsync"/>), most likely because another command weighing them writes them too.
    /// </param>
    public static async Task<Func<RecordList, RecordContext>> ContextsAsync(IDocumentSession session, Career career, ResultRecorded result,
        IReadOnlyCollection<string> held, bool alone, CancellationToken cancellation)
    {
        if (career.Athlete is not { } athlete) return RecordContext.Empty;
        var lists = RecordList.For(athlete, result).ToList();
        var keys = lists.Select(l => l.Key).ToArray();
        var locked = keys.Union(held).ToArray();
        var (bestSql, values) = KnownMarks.Best(result, lists, leavingOut: career.Id);
        var command = new NpgsqlCommand(
            $"{AdvisoryLocks.Records}; select data from {session.DocumentStore.TableOf<RecordProgression>()} where id = any(@weighed); {bestSql}")
        {
            Parameters = { new("keys", locked), new("alone", alone ? locked : held.ToArray()), new("weighed", keys) },
        };
        command.Parameters.AddRange(values.ToArray());

        var progressions = new Dictionary<string, RecordProgression>();
        IReadOnlyDictionary<string, Mark?> best;
        var serializer = session.DocumentStore.Options.Serializer();
        await using (var reader = await session.ExecuteReaderAsync(command, cancellation))
        {
            await reader.NextResultAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var progression = serializer.FromJson<RecordProgression>(reader, 0);
                progressions[progression.Id] = progression;
            }

            await reader.NextResultAsync(cancellation);
            await reader.ReadAsync(cancellation);
            best = KnownMarks.Read(reader.GetString(0), lists);
        }

        // The best known mark counts only in a list where no record stood on the result's day (the result's own claim left out).
        var known = lists.Where(l => progressions.GetValueOrDefault(l.Key)?.Standing(result.Date.LastDay,
            leavingOut: e => e.Athlete == career.Id && e.ResultId == result.ResultId) is null).ToDictionary(l => l.Key, l => best[l.Key]);
        return list => new RecordContext(progressions.GetValueOrDefault(list.Key) ?? RecordProgression.Of(list), known.GetValueOrDefault(list.Key));
    }

    /// <summary>
    /// Holds alone, until the command commits, the records its decision writes (a claim, a rescind, here or in another athlete's
    /// stream), which it weighed shared: before the records projection reads them to write them, so no other command can have
    /// written them since they were weighed. Two commands that weighed a record shared and both write it wait for each other:
    /// PostgreSQL would find that only after a second, so the wait is cut short and the command made again, holding alone from
    /// the start (<see cref="AdvisoryLocks.RecordsWritten"/>).
    /// </summary>
    public static async Task HoldWrittenAsync(IDocumentSession session, Decision decision, CancellationToken cancellation)
    {
        var keys = decision.Events.Concat(decision.Elsewhere.Select(e => e.Event)).SelectMany(RecordProgression.KeysOf).Distinct().ToArray();
        if (keys.Length > 0) await HoldAloneAsync(session, AdvisoryLocks.RecordsWritten, keys, cancellation);
    }

    /// <summary>
    /// Holds records alone until this command commits. Writers of different athletes never conflict on a stream, so without it two
    /// could decide on the same standing record, and the later commit would overwrite the record document the earlier
    /// updated. An import, which may touch any record, holds them all (<see cref="AdvisoryLocks"/>). Held in the command's one
    /// transaction, which <see cref="CommandIds{TAnswer}"/> began.
    /// </summary>
    public static Task LockAsync(IDocumentSession session, IEnumerable<string> keys, CancellationToken cancellation) =>
        HoldAloneAsync(session, AdvisoryLocks.Records, keys.ToArray(), cancellation);

    /// <summary>Runs <paramref name="locks"/> (<see cref="AdvisoryLocks.Records"/>, or a statement around it) with every key held alone.</summary>
    private static Task HoldAloneAsync(IDocumentSession session, string locks, string[] keys, CancellationToken cancellation) =>
        session.ExecuteAsync(new NpgsqlCommand(locks) { Parameters = { new("keys", keys), new("alone", keys) } }, cancellation);
}
