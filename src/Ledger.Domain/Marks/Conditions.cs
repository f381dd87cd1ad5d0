namespace Ledger.Domain;

/// <summary>What the wind and the place of a mark allow it to count for.</summary>
public static class Conditions
{
    /// <summary>
    /// A record needs a legal wind where the wind is measured outdoors: a reading, and no more than
    /// +2.0 m/s. A mark without a reading still counts as a personal best.
    /// </summary>
    public static bool AllowRecord(Discipline discipline, Wind? wind, bool? indoor) =>
        indoor == true || !discipline.Info.Wind || wind is { IsAssisted: false };

    /// <summary>A wind-assisted mark is no legal best: it is shown beside the legal one.</summary>
    public static bool IsAssisted(Wind? wind) => wind is { IsAssisted: true };

    /// <summary>A mark as statisticians print it: <c>9.86 (+0.9)</c>, wind-assisted <c>9.79w (+2.4)</c>, indoors <c>6.45i</c>.</summary>
    public static string Shown(Mark mark, Wind? wind, bool indoor) =>
        $"{mark}{(IsAssisted(wind) ? "w" : "")}{(indoor ? "i" : "")}{(wind is { } w ? $" ({w})" : "")}";

    /// <summary>
    /// What the signs of <see cref="Shown"/> mean, saying only those the bests' marks carry (their
    /// wind-assisted bests' too): nothing for a marathoner's.
    /// </summary>
    public static string Legend(IReadOnlyList<PersonalBest> bests)
    {
        var all = bests.Concat(bests.Select(b => b.WindAssistedBest).OfType<PersonalBest>()).ToList();
        return string.Join(' ', new[]
        {
            all.Any(b => b.Indoor) ? "i: indoors." : null,
            all.Any(b => !b.IsLegal) ? "w: wind-assisted (over +2.0 m/s)." : null,
            all.Any(b => b.Wind is not null) ? "The wind in m/s in brackets." : null,
        }.OfType<string>());
    }
}
