using System.ComponentModel;

namespace Ledger.Domain;

/// <summary>The championship series a result belongs to, from a list that may grow.</summary>
[Description("olympic_games, world_championships, ... (docs/event-format.md lists them)")]
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

public sealed record ChampionshipCount(
    Championship Championship, int Editions, int Starts, int Finishes, int Dnf, int Gold, int Silver, int Bronze,
    int? BestPlace);
