using System.ComponentModel;
using System.Text.RegularExpressions;

namespace Ledger.Domain;

/// <summary>
/// A discipline code: <c>marathon</c>, <c>100m</c>, <c>long-jump</c>, <c>decathlon</c>... as the
/// catalogue (<see cref="Disciplines"/>) holds them, an alias of one (<c>110mh</c>), which is read as
/// its code, or any other lower-case code, which is a timed event. Track and road are different
/// disciplines. Marks are compared here, since only the discipline knows which way is better.
/// </summary>
[Description("marathon, 10000m, 100m, long-jump, decathlon, ... (docs/event-format.md lists them)")]
public readonly partial record struct Discipline
{
    /// <summary>The disciplines most careers in the ledger are in; lists show them first, in this order.</summary>
    public static readonly IReadOnlyList<string> Common = ["marathon", "half-marathon", "10000m", "5000m", "10km"];

    private readonly DisciplineInfo? _info;

    private Discipline(string code, DisciplineInfo info, int rank) => (Code, _info, Rank) = (code, info, rank);

    public string Code { get; }

    public DisciplineInfo Info => _info ?? DisciplineInfo.Timed(Code ?? "");

    /// <summary>Where the discipline is listed: in the catalogue's order, codes it does not hold after.</summary>
    public int Rank { get; }

    /// <summary>Disciplines as lists show them: in the catalogue's order, then codes it does not hold, alphabetically.</summary>
    public static readonly IComparer<Discipline> InListOrder = Comparer<Discipline>.Create((a, b) =>
        a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Code, b.Code));

    public bool LowerIsBetter => Info.Better == Better.Lower;

    /// <summary>Whether the catalogue holds it: a code it does not is a federation's own discipline, or a typo.</summary>
    public bool InCatalogue => Rank < Disciplines.All.Count;

    /// <summary>What to say of a code the catalogue does not hold: most often a typo of one of these.</summary>
    public string NotInCatalogue => $"'{Code}' is no discipline of the catalogue (the closest are {Closest})";

    /// <summary>The catalogue's codes nearest to this one, for a refusal to offer.</summary>
    public string Closest => string.Join(", ", Disciplines.Closest(Code));

    /// <summary>Negative when <paramref name="a"/> is the better mark, positive when <paramref name="b"/> is, zero when they are equal.</summary>
    public int Compare(Mark a, Mark b) => OrderKey(a).CompareTo(OrderKey(b));

    /// <summary>A number that sorts this discipline's marks best first.</summary>
    public long OrderKey(Mark mark) => LowerIsBetter ? mark.Hundredths : -mark.Hundredths;

    public bool Beats(Mark a, Mark b) => Compare(a, b) < 0;

    /// <summary>Marks in order, the best first.</summary>
    public IComparer<Mark> BetterFirst
    {
        get
        {
            var discipline = this;
            return Comparer<Mark>.Create(discipline.Compare);
        }
    }

    /// <summary>The better of two marks, either of which may be missing.</summary>
    public Mark? Best(Mark? a, Mark? b) => a is not { } x ? b : b is not { } y ? x : Compare(x, y) <= 0 ? x : y;

    /// <summary>Why the mark cannot be one of this discipline's (a clock time for a long jump, say); null when it can.</summary>
    public string? ProblemWith(Mark mark) => Info.Kind switch
    {
        MarkKind.Time when !mark.IsClock && mark.Hundredths >= 6000 =>
            $"mark '{mark}' is {mark.Hundredths / 100} seconds; write a time of a minute or more as m:ss, like 1:40.91",
        MarkKind.Distance or MarkKind.Height when mark.IsClock =>
            $"mark '{mark}' is not a {Info.Kind.ToString().ToLowerInvariant()} in metres like {(Info.Kind == MarkKind.Height ? "2.45" : "8.95")}: " +
            $"{Code} is measured, not timed",
        MarkKind.Points when mark.IsClock || mark.HasFraction => $"mark '{mark}' is not points like 9126: {Code} is scored in whole points",
        _ => null,
    };

    public static Discipline Parse(string text) =>
        TryParse(text, out var discipline, out var error) ? discipline : throw new FormatException(error);

    public static bool TryParse(string? text, out Discipline discipline, out string error)
    {
        discipline = default;
        if (text is null || !Shape().IsMatch(text))
        {
            error = $"discipline '{text}' is not a lower-case code like {string.Join(", ", Common)}, 100m, long-jump or decathlon";
            return false;
        }

        discipline = Disciplines.Find(text) is var (info, rank)
            ? new Discipline(info.Code, info, rank)
            : new Discipline(text, DisciplineInfo.Timed(text), Disciplines.All.Count);
        error = "";
        return true;
    }

    /// <summary>Disciplines are the same when their codes are.</summary>
    public bool Equals(Discipline other) => Code == other.Code;

    public override int GetHashCode() => Code?.GetHashCode() ?? 0;

    public override string ToString() => Code;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Shape();
}
