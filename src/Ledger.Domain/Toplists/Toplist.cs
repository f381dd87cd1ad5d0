namespace Ledger.Domain;

/// <summary>A mark in a toplist with its rank.</summary>
public sealed record Ranked(int Rank, ListedMark Listed);

public static class Toplist
{
    /// <summary>
    /// The first <paramref name="limit"/> entries of a toplist from its marks in toplist order (the
    /// better mark, then the earlier date, a vaguer date first on the same first day, then the
    /// athlete): every mark, or each athlete's first (their best, of equal
    /// marks the earliest). Equal marks share a rank and the next rank skips (1, 2, 2, 4).
    /// </summary>
    public static IReadOnlyList<Ranked> Rank(IEnumerable<ListedMark> inOrder, int limit, bool allMarks)
    {
        var athletes = new HashSet<string>();
        var entries = new List<Ranked>();
        foreach (var mark in inOrder)
        {
            if (entries.Count == limit) break;
            if (!allMarks && !athletes.Add(mark.Athlete)) continue;
            var rank = entries.Count > 0 && entries[^1].Listed.Mark == mark.Mark ? entries[^1].Rank : entries.Count + 1;
            entries.Add(new Ranked(rank, mark));
        }

        return entries;
    }
}
