using System.Text.Json.Serialization;

namespace Ledger.Store.Careers;

/// <summary>
/// A personal best: the legal best of a discipline, outdoors or indoors (<c>indoor</c>), with its wind
/// where it has a reading; a better wind-assisted mark beside it (<c>wind_assisted_best</c>). Keys
/// that only some marks have are left out where they would be null.
/// </summary>
public sealed record BestView(
    Discipline Discipline, Mark Mark, PartialDate Date, string? Competition, string? ResultId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Wind? Wind, bool Indoor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AssistedBestView? WindAssistedBest)
{
    public static BestView Of(PersonalBest best) =>
        new(best.Discipline, best.Mark, best.Date, best.Competition, best.ResultId, best.Wind, best.Indoor,
            best.WindAssistedBest is { } assisted ? new AssistedBestView(assisted.Mark, assisted.Wind!.Value, assisted.Date, assisted.Competition) : null);
}

public sealed record AssistedBestView(Mark Mark, Wind Wind, PartialDate Date, string? Competition);

/// <param name="Legend">What the signs of the marks mean (<see cref="Conditions.Legend"/>), for a table; not in the JSON.</param>
public sealed record PbsView(string Athlete, DateOnly? AsOf, DateTimeOffset? KnownAt, IReadOnlyList<BestView> Bests, [property: JsonIgnore] string Legend = "");
