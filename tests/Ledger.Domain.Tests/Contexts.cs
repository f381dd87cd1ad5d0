namespace Ledger.Domain.Tests;

/// <summary>What a decision weighs, for tests of national records: the world's and the area's stand at the world record, out of reach.</summary>
public static class Contexts
{
    public static Func<RecordList, RecordContext> National(RecordEntry? standing, Mark? known = null) =>
        list => RecordScopes.IsCountry(list.Scope) ? With(list, standing, known) : With(list, WorldRecordOf(list), null);

    public static RecordContext With(RecordList list, RecordEntry? entry, Mark? known)
    {
        var progression = RecordProgression.Of(list);
        if (entry is not null) progression.Entries.Add(entry);
        return new RecordContext(progression, known);
    }

    private static RecordEntry? WorldRecordOf(RecordList list) =>
        WorldRecords.Of(list.Discipline, list.Sex) is { } record
            ? new RecordEntry(record.Mark, "world-record-holder", PartialDate.Parse("1900"), record.Competition, null, DateTimeOffset.UnixEpoch)
            : null;
}
