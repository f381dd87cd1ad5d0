namespace Ledger.Domain;

/// <summary>What a command decided: the events it appends, and the career as they leave it.</summary>
public sealed record Decision(IReadOnlyList<object> Events, Career After)
{
    /// <summary>Whether the result is the athlete's legal best in its discipline once these events are in.</summary>
    public bool IsPersonalBest(string resultId) => Decisions.IsPersonalBest(After, resultId);

    public bool SetsNationalRecord => Events.OfType<NationalRecordSet>().Any();
}

/// <summary>
/// The decisions commands make: which events a new fact appends, given the career as it stands.
/// Each checks the events it would append against <see cref="Rules"/>, so a command can never
/// append what an import would refuse.
/// </summary>
public static class Decisions
{
    /// <summary>
    /// The result, and a national record with it when it beats the standing one. A discipline the catalogue
    /// does not hold is a typo far more often than a federation's own event: the first result of an athlete
    /// in one must say it is new (<c>new_discipline</c>). A file holds what was decided, so an import does not ask.
    /// </summary>
    public static Decision RecordResult(Career career, ResultRecorded result, RecordContext records)
    {
        var events = new List<object> { result };
        if (SetsRecord(career, result, records) is { } record) events.Add(record);
        var unknown = !result.Discipline.InCatalogue && result.NewDiscipline != true
                      && career.Results.All(r => r.Result.Discipline != result.Discipline);
        FieldProblem[] inInput = unknown
            ? [new("discipline", $"{result.Discipline.NotInCatalogue}; a discipline of the federation's own is added with new_discipline")]
            : [];
        return Checked(career, events, inInput);
    }

    /// <summary>
    /// The correction; if it takes a record's mark away (another mark, no longer a finish, a wind that
    /// is no longer legal) the record is rescinded, and the corrected result is weighed again as a
    /// record of its own.
    /// </summary>
    public static Decision CorrectResult(Career career, ResultCorrected correction, Func<Discipline, bool, RecordContext> recordsFor)
    {
        var before = career.FindResult(correction.ResultId);
        if (before is null) return Checked(career, [correction]);

        var after = Career.CorrectedBy(before.Result, correction);
        var events = new List<object> { correction };
        var held = HeldRecord(career, correction.ResultId);
        if (held is not null && (after.EligibleMark() != held.Mark || after.Discipline != held.Discipline || (after.Indoor == true) != (held.Indoor == true)))
            events.Add(new NationalRecordRescinded(held.Discipline, held.Mark, held.Country, held.Sex,
                $"result {correction.ResultId} corrected: {correction.Reason}", correction.ResultId, held.Indoor));

        if ((held is null || events.Count > 1) && SetsRecord(career, after, recordsFor(after.Discipline, after.Indoor == true)) is { } record)
            events.Add(record);

        return Checked(career, events);
    }

    /// <summary>The annulment, and the rescind of any record the result held.</summary>
    public static Decision AnnulResult(Career career, ResultAnnulled annulment)
    {
        var events = new List<object> { annulment };
        if (HeldRecord(career, annulment.ResultId) is { } held)
            events.Add(new NationalRecordRescinded(held.Discipline, held.Mark, held.Country, held.Sex,
                $"result {annulment.ResultId} annulled: {annulment.Reason}", annulment.ResultId, held.Indoor));
        return Checked(career, events);
    }

    /// <summary>Any other event of a career, as it is, once the rules allow it.</summary>
    public static Decision Append(Career career, object @event) => Checked(career, [@event]);

    /// <summary>Whether the result is the athlete's legal best in its discipline now (indoors, of the indoor marks).</summary>
    public static bool IsPersonalBest(Career career, string resultId) =>
        career.PersonalBests().Any(b => b.ResultId == resultId && b.IsLegal);

    private static NationalRecordSet? SetsRecord(Career career, ResultRecorded result, RecordContext records)
    {
        if (career.Athlete is not { } athlete) return null;
        if (result.EligibleMark() is not { } mark) return null;
        if (!records.IsBeatenBy(result.Discipline, mark)) return null;
        return new NationalRecordSet(result.Discipline, mark, result.Date, athlete.Country, athlete.Sex, result.ResultId, result.Competition,
            Source: "decided by the ledger: better than the standing record and every eligible mark known", Indoor: result.Indoor == true ? true : null);
    }

    private static NationalRecordSet? HeldRecord(Career career, string resultId) =>
        career.NationalRecords.LastOrDefault(r => r.ResultId == resultId);

    /// <summary>Applies each event to a copy of the career in turn, refusing the lot if any breaks a rule.</summary>
    /// <summary>
    /// The decision, once its events pass the rules; refused naming every problem, with those the command
    /// found in its input itself (<paramref name="inInput"/>), so one refusal says them all.
    /// </summary>
    private static Decision Checked(Career career, IReadOnlyList<object> events, IReadOnlyList<FieldProblem>? inInput = null)
    {
        var draft = career.Copy();
        foreach (var (index, e) in events.Index())
        {
            var problems = Rules.Check(draft, e);
            if (index == 0 && inInput is { Count: > 0 }) problems = [.. problems, .. inInput];
            if (problems.Count > 0) throw new Refused(problems);
            draft.Fold(e);
        }

        return new Decision(events, draft);
    }
}
