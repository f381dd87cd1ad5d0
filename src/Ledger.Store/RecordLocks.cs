namespace Ledger.Store;

/// <summary>
/// The advisory locks that keep decisions on national records apart, held until the deciding
/// transaction commits. A command holds its record's key, and all records shared; an import, which
/// may touch any record, holds all records alone, before it touches a stream. So an import waits for
/// the commands deciding now, the commands after it wait for the import, and none waits in a circle.
/// </summary>
public static class RecordLocks
{
    // Two 32-bit keys: a key space of their own, apart from the 64-bit keys of single records.
    private const string AllRecords = "hashtext('ledger: every national record'), 0";

    /// <summary>One record, by its key (<see cref="Ledger.Domain.NationalRecordProgression.KeyOf"/>) as the only parameter.</summary>
    public const string One = $"select pg_advisory_xact_lock_shared({AllRecords}), pg_advisory_xact_lock(hashtext($1))";

    public const string All = $"select pg_advisory_xact_lock({AllRecords})";
}
