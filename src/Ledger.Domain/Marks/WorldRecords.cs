using System.Text.Json;

namespace Ledger.Domain;

/// <summary>The world record of a discipline and sex: the fastest mark a result may have without saying it is a new one.</summary>
public sealed record WorldRecord(Discipline Discipline, Sex Sex, Mark Mark, string Athlete, PartialDate Date, string Competition, string Source)
{
    public override string ToString() => $"{Mark} ({Athlete}, {Competition}, {Date})";
}

/// <summary>
/// The world records of the ledger's known disciplines, kept as data in <c>world-records.json</c>
/// beside this file, each with its date and source: when one falls, that file is updated.
/// </summary>
public static class WorldRecords
{
    public static IReadOnlyList<WorldRecord> All { get; } = Load();

    public static WorldRecord? Of(Discipline discipline, Sex sex) => All.FirstOrDefault(r => r.Discipline == discipline && r.Sex == sex);

    private static List<WorldRecord> Load()
    {
        using var data = typeof(WorldRecords).Assembly.GetManifestResourceStream("Ledger.Domain.world-records.json")!;
        return JsonSerializer.Deserialize<List<WorldRecord>>(data, EventFormat.Options)!;
    }
}
