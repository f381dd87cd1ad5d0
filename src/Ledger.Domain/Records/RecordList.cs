namespace Ledger.Domain;

/// <summary>
/// One list of records: a scope's, for one sex and discipline, outdoors or indoors, of any race or, for a women's road
/// discipline, of women-only races (<paramref name="WomenOnly"/>). Its key names its document: <c>world/men/marathon</c>,
/// <c>MGL/men/5000m/indoor</c>, <c>world/women/marathon/women-only</c>.
/// </summary>
public sealed record RecordList(string Scope, Sex Sex, Discipline Discipline, bool Indoor = false, bool WomenOnly = false)
{
    public string Key => $"{Scope}/{Sex.ToString().ToLowerInvariant()}/{Discipline}{(Indoor ? "/indoor" : "")}{(WomenOnly ? "/women-only" : "")}";

    /// <summary>Whether a discipline's women's records are kept for women-only races as well: on the road, outdoors.</summary>
    public static bool KeepsWomenOnly(Sex sex, Discipline discipline, bool indoor) => sex == Sex.Women && discipline.Info.Road && !indoor;

    /// <summary>
    /// Every list a result of the athlete can set a record in: each scope of <see cref="RecordScopes.Of"/>, of any race, and
    /// of women-only races too where the race was one and the discipline keeps them.
    /// </summary>
    public static IEnumerable<RecordList> For(AthleteRegistered athlete, ResultRecorded result)
    {
        var indoor = result.Indoor == true;
        var womenOnly = result.Race == RaceKind.WomenOnly && KeepsWomenOnly(athlete.Sex, result.Discipline, indoor);
        foreach (var scope in RecordScopes.Of(athlete.Country, result.Championship))
        {
            yield return new RecordList(scope, athlete.Sex, result.Discipline, indoor);
            if (womenOnly) yield return new RecordList(scope, athlete.Sex, result.Discipline, indoor, WomenOnly: true);
        }
    }

    /// <summary>The list a record event is about; none for another event.</summary>
    public static RecordList? Of(object @event) => @event switch
    {
        NationalRecordSet e => Of(e.AsRecord()),
        NationalRecordRescinded e => Of(e.AsRescind()),
        RecordSet e => new RecordList(e.Scope, e.Sex, e.Discipline, e.Indoor == true, e.Race == RaceKind.WomenOnly),
        RecordRescinded e => new RecordList(e.Scope, e.Sex, e.Discipline, e.Indoor == true, e.Race == RaceKind.WomenOnly),
        _ => null,
    };

    /// <summary>
    /// The lists a record event folds into: a claim or a rescind its own; a verdict on a claim, both lists of a women's
    /// road discipline, since a women-only mark claims both, and a list without the claim leaves it alone.
    /// </summary>
    public static IEnumerable<RecordList> FoldedBy(object @event)
    {
        if (Of(@event) is { } list) return [list];
        if (@event is not IRecordVerdict { Discipline: { } discipline, Sex: { } sex } verdict) return [];
        var any = new RecordList(verdict.Scope, sex, discipline, verdict.Indoor == true);
        return KeepsWomenOnly(sex, discipline, any.Indoor) ? [any, any with { WomenOnly = true }] : [any];
    }

    /// <summary>Whether a result of an athlete of <paramref name="country"/> is a mark of this list at all, record or not.</summary>
    public bool Holds(string country, ResultRecorded result) =>
        (result.Indoor == true) == Indoor && result.Discipline == Discipline
        && (!WomenOnly || result.Race == RaceKind.WomenOnly)
        && (RecordScopes.CountriesOf(Scope) is not { } countries || countries.Contains(country))
        && (!Scope.StartsWith(RecordScopes.ChampionshipPrefix) || RecordScopes.ChampionshipPrefix + result.Championship == Scope);
}
