namespace Ledger.Domain;

/// <summary>What the ledger knows of one record list (<see cref="RecordList"/>) when it decides on a result's claim to it.</summary>
/// <param name="Progression">Every claim to the record so far (none yet: an empty one).</param>
/// <param name="BestKnown">
/// The best record-eligible mark of any other athlete the list holds, made on or before the result's day: with no record
/// standing, the ledger never declares a record worse than a mark it knows.
/// </param>
public sealed record RecordContext(RecordProgression Progression, Mark? BestKnown = null)
{
    public static RecordContext Empty(RecordList list) => new(RecordProgression.Of(list));
}

/// <summary>A claim to a record, decided for a result: the record event, and the claims it takes the record from.</summary>
public sealed record RecordClaim(RecordSet Record, IReadOnlyList<RecordEntry> Overtaken)
{
    /// <summary>
    /// The claim <paramref name="result"/> of <paramref name="career"/> makes to <paramref name="list"/>, if any: its eligible mark
    /// beats or equals the record that stood on its day; where none stood, it beats every eligible mark known by then.
    /// A result the decision is about again (a correction) is left out of what it is weighed against.
    /// </summary>
    public static RecordClaim? Of(Career career, ResultRecorded result, RecordList list, RecordContext context)
    {
        if (career.Athlete is not { } athlete || result.EligibleMark() is not { } mark || !list.Holds(athlete.Country, result)) return null;
        bool Itself(RecordEntry e) => e.Athlete == career.Id && e.ResultId == result.ResultId;
        var discipline = result.Discipline;
        var standing = context.Progression.Standing(result.Date.LastDay, leavingOut: Itself);
        var known = discipline.Best(context.BestKnown, career.BestEligible(list, result.Date, result.ResultId));
        var claims = standing is not null ? !discipline.Beats(standing.Mark, mark) : known is not { } best || discipline.Beats(mark, best);
        if (!claims) return null;

        var record = new RecordSet(list.Scope, discipline, mark, result.Date, athlete.Sex, athlete.Country, result.ResultId, result.Competition,
            "decided by the ledger: as good as the record of its day, or better than every eligible mark known", Ratified: false,
            Indoor: list.Indoor ? true : null, Race: list.WomenOnly ? RaceKind.WomenOnly : null);
        return new RecordClaim(record, context.Progression.OvertakenBy(mark, result.Date, result.Competition, Itself));
    }

    /// <summary>The rescinds of the claims this one overtakes, each for its athlete's stream.</summary>
    public IEnumerable<(string Athlete, object Event)> Rescinds() =>
        Overtaken.Select(o => (o.Athlete, new RecordRescinded(Record.Scope, Record.Discipline, o.Mark, Record.Sex,
            o.SameRace(Record.Date, Record.Competition)
                ? $"one race, one record: {Record.Mark} in the same race, result {Record.ResultId}"
                : $"a better mark came before it: {Record.Mark} of {Record.Date}, result {Record.ResultId}",
            o.ResultId, Record.Indoor, Record.Race).AsAppended()));
}
