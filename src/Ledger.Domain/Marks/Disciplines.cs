using System.Text.Json;
using Quickenshtein;

namespace Ledger.Domain;

/// <summary>What a discipline's marks are: times, distances, heights or points.</summary>
public enum MarkKind
{
    Time,
    Distance,
    Height,
    Points,
}

public enum Better
{
    Lower,
    Higher,
}

/// <summary>
/// A discipline as the catalogue knows it: its name, what its marks are and which way is better,
/// whether the wind is measured (and so decides whether a mark is legal), and whether it is held
/// indoors as well as out, and whether it is run on the road (whose women's records are kept for women-only races too).
/// </summary>
public sealed record DisciplineInfo(
    string Code, string Name, MarkKind Kind, Better Better, bool Wind, bool Indoor, IReadOnlyList<string>? Aliases = null, bool Road = false)
{
    /// <summary>A code the catalogue does not hold: a timed event, as every discipline was before the catalogue.</summary>
    public static DisciplineInfo Timed(string code) => new(code, code, MarkKind.Time, Better.Lower, Wind: false, Indoor: true);
}

/// <summary>
/// The disciplines of athletics, kept as data in <c>disciplines.json</c> beside this file: the track,
/// road and walking events, the jumps, the throws and the combined events. A discipline's place in
/// that file is its place in lists.
/// </summary>
public static class Disciplines
{
    public static IReadOnlyList<DisciplineInfo> All { get; } = Load();

    private static readonly Dictionary<string, (DisciplineInfo Info, int Rank)> ByCode = All
        .SelectMany((info, rank) => (info.Aliases ?? []).Prepend(info.Code).Select(code => KeyValuePair.Create(code, (info, rank))))
        .ToDictionary();

    /// <summary>The discipline a code or one of its aliases names, with its place in lists; null for a code the catalogue does not hold.</summary>
    public static (DisciplineInfo Info, int Rank)? Find(string code) => ByCode.TryGetValue(code, out var found) ? found : null;

    /// <summary>The catalogue's codes nearest to one it does not hold, nearest first (by edit distance): what a typo most likely meant.</summary>
    public static IReadOnlyList<string> Closest(string code, int count = 3) => ByCode
        .Select(known => (known.Value.Info.Code, Distance: Levenshtein.GetDistance(code, known.Key)))
        .OrderBy(known => known.Distance).ThenBy(known => known.Code, StringComparer.Ordinal)
        .Select(known => known.Code).Distinct().Take(count).ToList();

    private static List<DisciplineInfo> Load()
    {
        using var data = typeof(Disciplines).Assembly.GetManifestResourceStream("Ledger.Domain.disciplines.json")!;
        return JsonSerializer.Deserialize<List<DisciplineInfo>>(data, EventFormat.Options)!;
    }
}
