using System.Text.RegularExpressions;

namespace Ledger.Domain;

/// <summary>
/// A discipline code: <c>marathon</c>, <c>half-marathon</c>, <c>10000m</c> and <c>5000m</c> (track),
/// <c>10km</c> (road), or any other lower-case code. Track and road are different disciplines.
/// Every discipline kept here is run, so a lower mark is a better one.
/// </summary>
public readonly partial record struct Discipline
{
    public static readonly IReadOnlyList<string> Common = ["marathon", "half-marathon", "10000m", "5000m", "10km"];

    private Discipline(string code) => Code = code;

    public string Code { get; }

    /// <summary>Where the discipline is listed: the common ones in their usual order, others after.</summary>
    public int Rank => Common.Contains(Code) ? Common.ToList().IndexOf(Code) : Common.Count;

    public static Discipline Parse(string text) =>
        TryParse(text, out var discipline, out var error) ? discipline : throw new FormatException(error);

    public static bool TryParse(string? text, out Discipline discipline, out string error)
    {
        discipline = default;
        if (text is null || !Shape().IsMatch(text))
        {
            error = $"discipline '{text}' is not a lower-case code like {string.Join(", ", Common)}";
            return false;
        }

        discipline = new Discipline(text);
        error = "";
        return true;
    }

    public override string ToString() => Code;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Shape();
}

/// <summary>The championship series a result belongs to, from a list that may grow.</summary>
public readonly record struct Championship
{
    public static readonly IReadOnlyList<string> Series =
    [
        "olympic_games", "world_championships", "world_half_marathon_championships", "asian_games",
        "asian_championships", "asian_marathon_championships", "east_asian_games",
    ];

    private Championship(string code) => Code = code;

    public string Code { get; }

    public static Championship Parse(string text) =>
        TryParse(text, out var series, out var error) ? series : throw new FormatException(error);

    public static bool TryParse(string? text, out Championship series, out string error)
    {
        series = default;
        if (text is null || !Series.Contains(text))
        {
            error = $"championship '{text}' is not a known series ({string.Join(", ", Series)})";
            return false;
        }

        series = new Championship(text);
        error = "";
        return true;
    }

    public override string ToString() => Code;
}

public enum Sex
{
    Men,
    Women,
}

public enum ResultStatus
{
    Finished,
    Dnf,
    Dns,
    Dq,
}

public static partial class Codes
{
    /// <summary>An athlete's stream key or a result id: lower-case ASCII letters, digits and '-'.</summary>
    public static bool IsSlug(string? text) => text is not null && Slug().IsMatch(text);

    /// <summary>An IOC country code such as MGL.</summary>
    public static bool IsCountry(string? text) => text is not null && Country().IsMatch(text);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Country();
}
