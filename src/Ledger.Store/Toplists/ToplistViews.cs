using System.Text.Json.Serialization;

namespace Ledger.Store.Toplists;

/// <summary>A mark in a toplist; whether it is the athlete's personal best and was a national record shows on pages and tables, not in the JSON.</summary>
public sealed record ToplistEntry(
    int Rank, Mark Mark, string Athlete, string Name, string Country, PartialDate Date, string? Competition, string? Venue,
    string? ResultId, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Wind? Wind,
    [property: JsonIgnore] bool PersonalBest = false, [property: JsonIgnore] bool NationalRecord = false);

public sealed record ToplistView(
    Discipline Discipline, Sex Sex, int? Year, string? Country, DateOnly? AsOf, DateTimeOffset? KnownAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Indoor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool WindAssisted,
    IReadOnlyList<ToplistEntry> Entries)
{
    /// <summary>"Men's marathon, 2014, MGL", "Women's 60m indoor, all time, world".</summary>
    [JsonIgnore]
    public string Title =>
        $"{(Sex == Sex.Men ? "Men" : "Women")}'s {Discipline}{(Indoor ? " indoor" : "")}, " +
        $"{(Year is { } year ? year.ToString() : "all time")}, {Country ?? "world"}" +
        (WindAssisted ? ", wind-assisted marks too" : "");
}
