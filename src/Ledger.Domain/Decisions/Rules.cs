using System.Text.Json.Nodes;
using System.Text.Json;

namespace Ledger.Domain;

/// <summary>
/// Which events may follow a career as it stands. Import and commands both ask here, so a file can
/// never put into the ledger what a command would refuse. Each field must hold on its own (<see cref="FieldRules"/>:
/// nothing dated after today (UTC), no text beyond its length). Besides what the career allows, a fact
/// must be plausible: a mark of its discipline's kind (a time, metres
/// or points), a wind only where the wind is measured outdoors, indoors only in a discipline held
/// indoors, and no mark better than the world record of its discipline and sex unless it says it is
/// a new one (<c>new_world_record</c>); a mark that cannot be a record, wind-assisted or not
/// record-eligible, may go beyond it by a margin (<see cref="AidedMargin"/>).
/// </summary>
public static class Rules
{
    /// <summary>
    /// How far beyond the world record an aided mark may go before it is implausible: a strong following
    /// wind is worth about that much (a long jump of 8.99 m with +4.4 m/s against the 8.95 m world record
    /// is 0.4%), and so is an aided course or race (Kipchoge's paced 1:59:40 in Vienna, 2019, is 1.6%
    /// under the 2:01:39 that stood).
    /// </summary>
    public const double AidedMargin = 0.02;

    public static IReadOnlyList<FieldProblem> Check(Career career, object @event)
    {
        var problems = FieldRules.Check(@event).ToList();
        void Refuse(string field, string message) => problems.Add(new FieldProblem(field, message));

        if (@event is AthleteRegistered)
        {
            if (career.Athlete is not null) Refuse("athlete", $"athlete '{career.Id}' is already registered");
            return problems;
        }

        if (career.Athlete is null)
        {
            Refuse("athlete", $"athlete '{career.Id}' is not registered; a career starts with athlete_registered");
            return problems;
        }

        switch (@event)
        {
            case ResultRecorded r:
                if (career.FindResult(r.ResultId) is { } recorded) RefuseRecordedAgain(recorded.Result, r, Refuse);
                CheckResult(career, r, Refuse);
                break;
            case ResultCorrected c:
                if (KnownUnannulled(career, c.ResultId, Refuse) is { } known) CheckResult(career, Career.CorrectedBy(known.Result, c), Refuse);
                break;
            case BestMarkReported b:
                CheckMark(career, b.Discipline, b.Mark, b.Wind, b.Indoor, b.NewWorldRecord, null, Refuse);
                break;
            case ResultAnnulled a:
                KnownUnannulled(career, a.ResultId, Refuse);
                break;
            case NationalRecordSet s:
                if (s.ResultId is not null && career.FindResult(s.ResultId) is null)
                    Refuse("result_id", $"result '{s.ResultId}' is not recorded for '{career.Id}'");
                if (s.Discipline.ProblemWith(s.Mark) is { } problem) Refuse("mark", problem);
                CheckIndoor(s.Discipline, s.Indoor, Refuse);
                break;
            case NationalRecordRescinded x:
                if (!career.NationalRecords.Any(r => r.Discipline == x.Discipline && r.Mark == x.Mark && r.Country == x.Country && r.Sex == x.Sex))
                    Refuse("mark", $"'{career.Id}' holds no {x.Country} {x.Sex.ToString().ToLowerInvariant()} {x.Discipline} record of {x.Mark} to rescind");
                break;
            case RecordRatified r:
                if (career.NationalRecords.LastOrDefault(n => n.ResultId == r.ResultId && n.Country == r.Scope) is not { } held)
                    Refuse("result_id", $"result '{r.ResultId}' of '{career.Id}' holds no {r.Scope} record to ratify");
                else
                {
                    // A file says which record it is; it must be the one the result holds.
                    if (r.Discipline != held.Discipline) Refuse("discipline", $"the record result '{r.ResultId}' holds is of {held.Discipline}");
                    if (r.Sex != held.Sex) Refuse("sex", $"the record result '{r.ResultId}' holds is of {held.Sex.ToString().ToLowerInvariant()}");
                    if ((r.Indoor == true) != (held.Indoor == true))
                        Refuse("indoor", $"the record result '{r.ResultId}' holds is {(held.Indoor == true ? "" : "not ")}indoors");
                }

                break;
            case ClubLeft l:
                if (!career.ClubsJoined.Any(j => j.Club == l.Club)) Refuse("club", $"'{career.Id}' never joined '{l.Club}'");
                break;
        }

        return problems;
    }

    /// <summary>
    /// A result id the career holds already. An import skips the same result before it is checked, so
    /// this one says something else of it: each field it differs in is named, with both values, against
    /// the result as the ledger now knows it.
    /// </summary>
    private static void RefuseRecordedAgain(ResultRecorded recorded, ResultRecorded again, Action<string, string> refuse)
    {
        var (known, said) = (EventFormat.FactFields(recorded), EventFormat.FactFields(again));
        var differing = known.Select(f => f.Key).Union(said.Select(f => f.Key)).Where(f => !JsonNode.DeepEquals(known[f], said[f])).ToList();
        foreach (var field in differing)
            refuse(field, $"result '{again.ResultId}' is already recorded with {field} {Shown(known[field])}, not {Shown(said[field])}");
        if (differing.Count == 0) refuse("result_id", $"result '{again.ResultId}' is already recorded");
    }

    private static string Shown(JsonNode? value) =>
        value is null ? "none" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    private static KnownResult? KnownUnannulled(Career career, string resultId, Action<string, string> refuse)
    {
        var known = career.FindResult(resultId);
        if (known is null) refuse("result_id", $"result '{resultId}' is not recorded for '{career.Id}'");
        else if (!known.Counts) refuse("result_id", $"result '{resultId}' is annulled already");
        return known is { Counts: true } ? known : null;
    }

    private static void CheckResult(Career career, ResultRecorded r, Action<string, string> refuse)
    {
        if (r.Status != ResultStatus.Finished && r.Mark is not null) refuse("mark", $"a {r.Status.ToString().ToLowerInvariant()} result has no mark");
        if (career.Athlete?.Born is { } born && r.Date.LastDay < born.FirstDay)
            refuse("date", $"date {r.Date} is before the athlete was born ({born})");
        if (r.Mark is { } mark) CheckMark(career, r.Discipline, mark, r.Wind, r.Indoor, r.NewWorldRecord, r.RecordEligible, refuse);
        else CheckConditions(r.Discipline, r.Wind, r.Indoor, refuse);
    }

    /// <summary>A mark of its discipline's kind, in conditions the discipline can have, and plausible.</summary>
    private static void CheckMark(Career career, Discipline discipline, Mark mark, Wind? wind, bool? indoor, bool? newWorldRecord,
        bool? recordEligible, Action<string, string> refuse)
    {
        if (discipline.ProblemWith(mark) is { } problem) refuse("mark", problem);
        else CheckPlausible(career, discipline, mark, wind, newWorldRecord, recordEligible, refuse);
        CheckConditions(discipline, wind, indoor, refuse);
    }

    private static void CheckConditions(Discipline discipline, Wind? wind, bool? indoor, Action<string, string> refuse)
    {
        CheckIndoor(discipline, indoor, refuse);
        if (wind is not { } reading) return;
        if (indoor == true) refuse("wind", $"wind {reading} on an indoor result: there is no wind indoors");
        else if (!discipline.Info.Wind)
            refuse("wind", $"wind {reading}: the wind is not measured in {discipline} " +
                           $"(it is in {string.Join(", ", Disciplines.All.Where(d => d.Wind).Select(d => d.Code))})");
    }

    private static void CheckIndoor(Discipline discipline, bool? indoor, Action<string, string> refuse)
    {
        if (indoor == true && !discipline.Info.Indoor) refuse("indoor", $"{discipline} is not held indoors");
    }

    /// <summary>
    /// A mark better than the world record is a typo far more often than a new record: it must say
    /// which it is. A mark that cannot be a record (wind-assisted, or not record-eligible: a paced
    /// exhibition, a point-to-point or downhill course) may go a margin beyond.
    /// </summary>
    private static void CheckPlausible(Career career, Discipline discipline, Mark mark, Wind? wind, bool? newWorldRecord, bool? recordEligible,
        Action<string, string> refuse)
    {
        if (newWorldRecord == true || career.Athlete is not { } athlete || WorldRecords.Of(discipline, athlete.Sex) is not { } record) return;
        var assisted = Conditions.IsAssisted(wind);
        var margin = assisted || recordEligible == false ? AidedMargin : 0;
        var limit = record.Mark.Hundredths * (discipline.LowerIsBetter ? 1 - margin : 1 + margin);
        if (discipline.LowerIsBetter ? mark.Hundredths >= limit : mark.Hundredths <= limit) return;
        var beyond = $"{(discipline.Info.Kind == MarkKind.Time ? "faster" : "better")} than the " +
            $"{athlete.Sex.ToString().ToLowerInvariant()}'s {discipline} world record, {record}";
        refuse("mark", margin > 0
            ? $"mark {mark}{(assisted ? $" (wind {wind})" : " (not record-eligible)")} is more than {AidedMargin * 100}% {beyond}: implausible even aided"
            : $"mark {mark} is {beyond}: implausible, unless it is a new world record, which the result must say (new_world_record)");
    }
}
