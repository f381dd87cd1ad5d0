using System.Text.Json.Nodes;
using System.Text.Json;

namespace Ledger.Domain;

/// <summary>
/// Which events may follow a career as it stands. Import and commands both ask here, so a file can
/// never put into the ledger what a command would refuse. Besides what the career allows, a fact
/// must be plausible: nothing dated after today (UTC), a mark of its discipline's kind (a time, metres
/// or points), a wind only where the wind is measured outdoors, indoors only in a discipline held
/// indoors, and no mark better than the world record of its discipline and sex unless it says it is
/// a new one (<c>new_world_record</c>); a wind-assisted mark may go beyond it by a margin
/// (<see cref="WindAssistedMargin"/>).
/// </summary>
public static class Rules
{
    /// <summary>
    /// How far beyond the world record a wind-assisted mark may go before it is implausible: a strong
    /// following wind is worth about that much (a long jump of 8.99 m with +4.4 m/s against the 8.95 m
    /// world record is 0.4%).
    /// </summary>
    public const double WindAssistedMargin = 0.02;

    public static IReadOnlyList<FieldProblem> Check(Career career, object @event)
    {
        var problems = new List<FieldProblem>();
        void Refuse(string field, string message) => problems.Add(new FieldProblem(field, message));

        if (DateOf(@event) is var (field, date) && date.FirstDay > Today)
            Refuse(field, $"{field} {date} is after today ({Today:yyyy-MM-dd})");

        if (@event is AthleteRegistered registered)
        {
            if (career.Athlete is not null) Refuse("athlete", $"athlete '{career.Id}' is already registered");
            if (string.IsNullOrWhiteSpace(registered.Name)) Refuse("name", "a name is required");
            if (!Codes.IsCountry(registered.Country)) Refuse("country", $"country '{registered.Country}' is not a three-letter IOC code like MGL");
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
                if (KnownUnannulled(career, c.ResultId, Refuse) is { } known)
                {
                    if (string.IsNullOrWhiteSpace(c.Reason)) Refuse("reason", "a correction needs a reason");
                    CheckResult(career, Career.CorrectedBy(known.Result, c), Refuse);
                }
                break;
            case BestMarkReported b:
                CheckMark(career, b.Discipline, b.Mark, b.Wind, b.Indoor, b.NewWorldRecord, Refuse);
                break;
            case ResultAnnulled a:
                if (string.IsNullOrWhiteSpace(a.Reason)) Refuse("reason", "an annulment needs a reason");
                KnownUnannulled(career, a.ResultId, Refuse);
                break;
            case NationalRecordSet s:
                if (!Codes.IsCountry(s.Country)) Refuse("country", $"country '{s.Country}' is not a three-letter IOC code like MGL");
                if (s.ResultId is not null && career.FindResult(s.ResultId) is null)
                    Refuse("result_id", $"result '{s.ResultId}' is not recorded for '{career.Id}'");
                if (s.Discipline.ProblemWith(s.Mark) is { } problem) Refuse("mark", problem);
                CheckIndoor(s.Discipline, s.Indoor, Refuse);
                break;
            case NationalRecordRescinded x:
                if (string.IsNullOrWhiteSpace(x.Reason)) Refuse("reason", "a rescind needs a reason");
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
            case ClubJoined j:
                if (string.IsNullOrWhiteSpace(j.Club)) Refuse("club", "a club name is required");
                break;
            case ClubLeft l:
                if (!career.ClubsJoined.Any(j => j.Club == l.Club)) Refuse("club", $"'{career.Id}' never joined '{l.Club}'");
                break;
            case HonourAwarded h:
                if (string.IsNullOrWhiteSpace(h.Honour)) Refuse("honour", "an honour is required");
                if (string.IsNullOrWhiteSpace(h.Occasion)) Refuse("occasion", "an occasion is required");
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
        if (!Codes.IsSlug(r.ResultId)) refuse("result_id", $"result id '{r.ResultId}' is not lower-case letters, digits and '-'");
        if (string.IsNullOrWhiteSpace(r.Competition)) refuse("competition", "a competition is required");
        if (r.Status != ResultStatus.Finished && r.Mark is not null) refuse("mark", $"a {r.Status.ToString().ToLowerInvariant()} result has no mark");
        if (r.Place is <= 0) refuse("place", $"place {r.Place} is not a place; places start at 1");
        if (r.OverallPlace is <= 0) refuse("overall_place", $"place {r.OverallPlace} is not a place; places start at 1");
        if (career.Athlete?.Born is { } born && r.Date.LastDay < born.FirstDay)
            refuse("date", $"date {r.Date} is before the athlete was born ({born})");
        if (r.Mark is { } mark) CheckMark(career, r.Discipline, mark, r.Wind, r.Indoor, r.NewWorldRecord, refuse);
        else CheckConditions(r.Discipline, r.Wind, r.Indoor, refuse);
    }

    /// <summary>A mark of its discipline's kind, in conditions the discipline can have, and plausible.</summary>
    private static void CheckMark(Career career, Discipline discipline, Mark mark, Wind? wind, bool? indoor, bool? newWorldRecord,
        Action<string, string> refuse)
    {
        if (discipline.ProblemWith(mark) is { } problem) refuse("mark", problem);
        else CheckPlausible(career, discipline, mark, wind, newWorldRecord, refuse);
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

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The date a fact brings, if any (a correction that leaves the date as it was brings none).</summary>
    private static (string Field, PartialDate Date)? DateOf(object @event) => @event switch
    {
        AthleteRegistered { Born: { } born } => ("born", born),
        ResultRecorded e => ("date", e.Date),
        ResultCorrected { Date: { } corrected } => ("date", corrected),
        BestMarkReported e => ("date", e.Date),
        NationalRecordSet e => ("date", e.Date),
        ClubJoined e => ("date", e.Date),
        ClubLeft e => ("date", e.Date),
        HonourAwarded e => ("date", e.Date),
        RecordRatified { Date: { } ratified } => ("date", ratified),
        _ => null,
    };

    /// <summary>
    /// A mark better than the world record is a typo far more often than a new record: it must say
    /// which it is. A wind-assisted mark is not a record, so it may go a margin beyond.
    /// </summary>
    private static void CheckPlausible(Career career, Discipline discipline, Mark mark, Wind? wind, bool? newWorldRecord, Action<string, string> refuse)
    {
        if (newWorldRecord == true || career.Athlete is not { } athlete || WorldRecords.Of(discipline, athlete.Sex) is not { } record) return;
        var assisted = Conditions.IsAssisted(wind);
        var margin = assisted ? WindAssistedMargin : 0;
        var limit = record.Mark.Hundredths * (discipline.LowerIsBetter ? 1 - margin : 1 + margin);
        if (discipline.LowerIsBetter ? mark.Hundredths >= limit : mark.Hundredths <= limit) return;
        var beyond = $"{(discipline.Info.Kind == MarkKind.Time ? "faster" : "better")} than the " +
            $"{athlete.Sex.ToString().ToLowerInvariant()}'s {discipline} world record, {record}";
        refuse("mark", assisted
            ? $"mark {mark} (wind {wind}) is more than {WindAssistedMargin * 100}% {beyond}: implausible even wind-assisted"
            : $"mark {mark} is {beyond}: implausible, unless it is a new world record, which the result must say (new_world_record)");
    }
}
