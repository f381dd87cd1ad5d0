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

    /// <param name="worldRecord">
    /// The ledger's own standing world record of the event's discipline, if a command knows it: a mark is judged against the better of
    /// it and the shipped file's.
    /// </param>
    public static IReadOnlyList<FieldProblem> Check(Career career, object @event, Mark? worldRecord = null)
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
                CheckResult(career, r, worldRecord, Refuse);
                break;
            case ResultCorrected c:
                if (KnownUnannulled(career, c.ResultId, Refuse) is { } known) CheckResult(career, Career.CorrectedBy(known.Result, c), worldRecord, Refuse);
                break;
            case BestMarkReported b:
                CheckMark(career, b.Discipline, b.Mark, b.Wind, b.Indoor, b.NewWorldRecord, null, worldRecord, Refuse);
                break;
            case ResultAnnulled a:
                KnownUnannulled(career, a.ResultId, Refuse);
                break;
            case NationalRecordSet s:
                CheckRecord(career, s.AsRecord(), Refuse);
                break;
            case RecordSet s:
                CheckRecord(career, s, Refuse);
                break;
            case NationalRecordRescinded x:
                CheckRescind(career, x.AsRescind(), Refuse);
                break;
            case RecordRescinded x:
                CheckRescind(career, x, Refuse);
                break;
            case IRecordVerdict v:
                CheckVerdict(career, v, Refuse);
                break;
            case ClubLeft l:
                if (!career.ClubsJoined.Any(j => j.Club == l.Club)) Refuse("club", $"'{career.Id}' never joined '{l.Club}'");
                break;
        }

        return problems;
    }

    private static void CheckRecord(Career career, RecordSet s, Action<string, string> refuse)
    {
        if (s.ResultId is not null && career.FindResult(s.ResultId) is null)
            refuse("result_id", $"result '{s.ResultId}' is not recorded for '{career.Id}'");
        if (s.Discipline.ProblemWith(s.Mark) is { } problem) refuse("mark", problem);
        CheckIndoor(s.Discipline, s.Indoor, refuse);
        if (s.Race == RaceKind.WomenOnly && !RecordList.KeepsWomenOnly(s.Sex, s.Discipline, s.Indoor == true))
            refuse("race", $"women-only records are kept for women's road disciplines outdoors, not {s.Sex.ToString().ToLowerInvariant()}'s {s.Discipline}");
    }

    private static void CheckRescind(Career career, RecordRescinded x, Action<string, string> refuse)
    {
        if (!career.Records.Any(r => r.Scope == x.Scope && r.Discipline == x.Discipline && r.Mark == x.Mark && r.Sex == x.Sex && r.Race == x.Race))
            refuse("mark", $"'{career.Id}' holds no {x.Scope} {x.Sex.ToString().ToLowerInvariant()} {x.Discipline} record of {x.Mark} to rescind");
    }

    /// <summary>A ratification or a refusal names a claim the result holds; a file says which record it is, and it must be that one.</summary>
    private static void CheckVerdict(Career career, IRecordVerdict v, Action<string, string> refuse)
    {
        if (career.HeldRecord(v.ResultId, v.Scope) is not { } held)
        {
            refuse("result_id", $"result '{v.ResultId}' of '{career.Id}' holds no {v.Scope} record to {(v is RecordRatified ? "ratify" : "decline")}");
            return;
        }

        if (v.Discipline != held.Discipline) refuse("discipline", $"the record result '{v.ResultId}' holds is of {held.Discipline}");
        if (v.Sex != held.Sex) refuse("sex", $"the record result '{v.ResultId}' holds is of {held.Sex.ToString().ToLowerInvariant()}");
        if ((v.Indoor == true) != (held.Indoor == true))
            refuse("indoor", $"the record result '{v.ResultId}' holds is {(held.Indoor == true ? "" : "not ")}indoors");
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

    private static void CheckResult(Career career, ResultRecorded r, Mark? worldRecord, Action<string, string> refuse)
    {
        if (r.Race == RaceKind.WomenOnly && career.Athlete?.Sex == Sex.Men) refuse("race", "a women-only race has no men's results");
        if (r.Status != ResultStatus.Finished && r.Mark is not null) refuse("mark", $"a {r.Status.ToString().ToLowerInvariant()} result has no mark");
        if (career.Athlete?.Born is { } born && r.Date.LastDay < born.FirstDay)
            refuse("date", $"date {r.Date} is before the athlete was born ({born})");
        if (r.Mark is { } mark) CheckMark(career, r.Discipline, mark, r.Wind, r.Indoor, r.NewWorldRecord, r.RecordEligible, worldRecord, refuse);
        else CheckConditions(r.Discipline, r.Wind, r.Indoor, refuse);
    }

    /// <summary>A mark of its discipline's kind, in conditions the discipline can have, and plausible.</summary>
    private static void CheckMark(Career career, Discipline discipline, Mark mark, Wind? wind, bool? indoor, bool? newWorldRecord,
        bool? recordEligible, Mark? worldRecord, Action<string, string> refuse)
    {
        if (discipline.ProblemWith(mark) is { } problem) refuse("mark", problem);
        else CheckPlausible(career, discipline, mark, wind, newWorldRecord, recordEligible, worldRecord, refuse);
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
        Mark? worldRecord, Action<string, string> refuse)
    {
        if (newWorldRecord == true || career.Athlete is not { } athlete) return;
        var shipped = WorldRecords.Of(discipline, athlete.Sex);
        if (discipline.Best(shipped?.Mark, worldRecord) is not { } best) return;
        var assisted = Conditions.IsAssisted(wind);
        var margin = assisted || recordEligible == false ? AidedMargin : 0;
        var limit = best.Hundredths * (discipline.LowerIsBetter ? 1 - margin : 1 + margin);
        if (discipline.LowerIsBetter ? mark.Hundredths >= limit : mark.Hundredths <= limit) return;
        var record = shipped?.Mark == best ? shipped.ToString() : $"{best} (the ledger's own)";
        var beyond = $"{(discipline.Info.Kind == MarkKind.Time ? "faster" : "better")} than the " +
            $"{athlete.Sex.ToString().ToLowerInvariant()}'s {discipline} world record, {record}";
        refuse("mark", margin > 0
            ? $"mark {mark}{(assisted ? $" (wind {wind})" : " (not record-eligible)")} is more than {AidedMargin * 100}% {beyond}: implausible even aided"
            : $"mark {mark} is {beyond}: implausible, unless it is a new world record, which the result must say (new_world_record)");
    }
}
