namespace Ledger.Store.Hosting;

/// <summary>
/// The advisory locks that keep writers apart, each held until its transaction commits.
/// A command holds its athlete's lock first, so writers of one athlete take turns instead of deciding
/// on the same version of the stream and all but one failing. A command deciding records then holds
/// their keys (shared while it weighs them, alone those it writes), and all records shared; an
/// import, which may touch any record, holds all records alone, before it touches a stream. So an
/// import waits for the commands deciding now, the commands after it wait for the import, and none
/// waits in a circle: an import takes no athlete's lock, and a command takes no stream's row before
/// its records.
/// </summary>
public static class AdvisoryLocks
{
    // Pairs of 32-bit keys, each kind of its own first key: apart from each other and from the 64-bit keys of single records.
    private const string EveryRecord = "hashtext('ledger: every national record'), 0";

    /// <summary>One athlete's writers, by the athlete's slug as the only parameter.</summary>
    public const string Athlete = "select pg_advisory_xact_lock(hashtext('ledger: athletes'), hashtext($1))";

    /// <summary>
    /// Some records, by their keys (<see cref="Ledger.Domain.RecordList.Key"/>) as the parameter <c>@keys</c>, an array: held shared,
    /// so that commands weighing the same records go on side by side (most results claim none), but those in <c>@alone</c> held
    /// alone; taken in one statement, in the keys' order, so two commands never hold one each of the other's.
    /// </summary>
    public const string Records =
        $"select pg_advisory_xact_lock_shared({EveryRecord}), (select count(case when k = any(@alone::text[]) " +
        "then pg_advisory_xact_lock(hashtext(k)) else pg_advisory_xact_lock_shared(hashtext(k)) end) " +
        "from (select distinct k from unnest(@keys::text[]) k order by k) keys)";

    /// <summary>
    /// Records a command weighed shared and then found it writes, held alone (<see cref="Records"/>, every key in <c>@alone</c>):
    /// waiting for 200 ms at most (lock_not_available past that), then the wait of every other lock again.
    /// </summary>
    public const string RecordsWritten = $"set local lock_timeout = '200ms'; {Records}; set local lock_timeout = default";

    public const string AllRecords = $"select pg_advisory_xact_lock({EveryRecord})";
}
