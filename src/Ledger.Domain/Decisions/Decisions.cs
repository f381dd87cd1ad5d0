namespace Ledger.Domain;

/// <summary>
/// What a command decided: the events it appends to the athlete's stream, the career as they leave it, and the rescinds
/// of other athletes' record claims it overtook (<paramref name="Elsewhere"/>), each for its own stream.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, Career After, IReadOnlyList<(string Athlete, object Event)> Elsewhere)
{
    /// <summary>Whether the result is the athlete's legal best in its discipline once these events are in.</summary>
    public bool IsPersonalBest(string resultId) => Decisions.IsPersonalBest(After, resultId);

    public bool SetsNationalRecord => Events.OfType<NationalRecordSet>().Any();

    /// <summary>The scopes whose records the decision claimed: the world, the area, the country, the championship.</summary>
    public IReadOnlyList<string> RecordScopes =>
        Events.Select(e => e switch { NationalRecordSet n => n.Country, RecordSet r => r.Scope, _ => null }).OfType<string>()
            .Distinct().OrderBy(Domain.RecordScopes.Rank).ToList();
}

/// <summary>
/// The decisions commands make: which events a new fact appends, given the career as it stands.
/// Each checks the events it would append against <see cref="Rules"/>, so a command can never
/// append what an import would refuse.
/// </summary>
public static class Decisions
{
    /// <summary>
    /// The result, and a record with it in every list it claims (<see cref="RecordClaim"/>). A discipline the catalogue
    /// does not hold is a typo far more often than a federation's own event: the first result of an athlete
    /// in one must say it is new (<c>new_discipline</c>). A file holds what was decided, so an import does not ask.
    /// </summary>
    public static Decision RecordResult(Career career, ResultRecorded result, Func<RecordList, RecordContext> records)
    {
        var events = new List<object> { result };
        var elsewhere = new List<(string, object)>();
        Claim(career, result, records, _ => true, events, elsewhere);
        var unknown = !result.Discipline.InCatalogue && result.NewDiscipline != true
                      && career.Results.All(r => r.Result.Discipline != result.Discipline);
        FieldProblem[] inInput = unknown
            ? [new("discipline", $"{result.Discipline.NotInCatalogue}; a discipline of the federation's own is added with new_discipline")]
            : [];
        return Checked(career, events, elsewhere, inInput, WorldRecordOf(career, result, records));
    }

    /// <summary>
    /// The correction; each record the result claimed that the corrected result no longer earns (another mark, no longer a
    /// finish, a wind no longer legal, another championship) is rescinded, and the corrected result is weighed again in every
    /// list it no longer holds a record of.
    /// </summary>
    public static Decision CorrectResult(Career career, ResultCorrected correction, Func<RecordList, RecordContext> records)
    {
        var before = career.FindResult(correction.ResultId);
        if (before is null || career.Athlete is not { } athlete) return Checked(career, [correction], []);

        var after = Career.CorrectedBy(before.Result, correction);
        var events = new List<object> { correction };
        var lost = career.Records.Where(r => r.ResultId == correction.ResultId)
            .Where(r => after.EligibleMark() != r.Mark || !RecordList.Of(r)!.Holds(athlete.Country, after)).ToList();
        events.AddRange(lost.Select(r => Rescind(r, $"result {correction.ResultId} corrected: {correction.Reason}")));
        var held = career.Records.Where(r => r.ResultId == correction.ResultId).ToList();
        var kept = held.Except(lost).Select(r => RecordList.Of(r)!.Key).ToHashSet();
        var elsewhere = new List<(string, object)>();
        // A correction that leaves every record the result holds as it was (a place, a venue) weighs nothing again.
        if (held.Count == 0 || lost.Count > 0) Claim(career, after, records, list => !kept.Contains(list.Key), events, elsewhere);
        return Checked(career, events, elsewhere, worldRecord: WorldRecordOf(career, after, records));
    }

    /// <summary>The annulment, and the rescind of every record the result claimed: the record before each stands again.</summary>
    public static Decision AnnulResult(Career career, ResultAnnulled annulment) =>
        Checked(career, [annulment, ..career.Records.Where(r => r.ResultId == annulment.ResultId)
            .Select(r => Rescind(r, $"result {annulment.ResultId} annulled: {annulment.Reason}"))], []);

    /// <summary>Any other event of a career, as it is, once the rules allow it.</summary>
    public static Decision Append(Career career, object @event) => Checked(career, [@event], []);

    /// <summary>Whether the result is the athlete's legal best in its discipline now (indoors, of the indoor marks).</summary>
    public static bool IsPersonalBest(Career career, string resultId) =>
        career.PersonalBests().Any(b => b.ResultId == resultId && b.IsLegal);

    private static void Claim(Career career, ResultRecorded result, Func<RecordList, RecordContext> records, Func<RecordList, bool> weighed,
        List<object> events, List<(string, object)> elsewhere)
    {
        if (career.Athlete is not { } athlete) return;
        foreach (var list in RecordList.For(athlete, result).Where(weighed))
        {
            if (RecordClaim.Of(career, result, list, records(list)) is not { } claim) continue;
            events.Add(claim.Record.AsAppended());
            foreach (var (other, rescind) in claim.Rescinds())
                if (other == career.Id) events.Add(rescind);
                else elsewhere.Add((other, rescind));
        }
    }

    /// <summary>The ledger's own standing world record of the result's discipline, which may be newer than the shipped file's.</summary>
    private static Mark? WorldRecordOf(Career career, ResultRecorded result, Func<RecordList, RecordContext> records) =>
        career.Athlete is { } athlete && result.Indoor != true
            ? records(new RecordList(RecordScopes.World, athlete.Sex, result.Discipline)).Progression.Standing()?.Mark
            : null;

    private static object Rescind(RecordSet held, string reason) =>
        new RecordRescinded(held.Scope, held.Discipline, held.Mark, held.Sex, reason, held.ResultId, held.Indoor, held.Race).AsAppended();

    /// <summary>
    /// The decision, once its events pass the rules; refused naming every problem, with those the command
    /// found in its input itself (<paramref name="inInput"/>), so one refusal says them all.
    /// </summary>
    private static Decision Checked(Career career, IReadOnlyList<object> events, IReadOnlyList<(string, object)> elsewhere,
        IReadOnlyList<FieldProblem>? inInput = null, Mark? worldRecord = null)
    {
        var draft = career.Copy();
        foreach (var (index, e) in events.Index())
        {
            var problems = Rules.Check(draft, e, worldRecord);
            if (index == 0 && inInput is { Count: > 0 }) problems = [.. problems, .. inInput];
            if (problems.Count > 0) throw new Refused(problems);
            draft.Fold(e);
        }

        return new Decision(events, draft, elsewhere);
    }
}
