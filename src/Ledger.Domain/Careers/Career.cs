namespace Ledger.Domain;

/// <summary>A result as the ledger now knows it: corrections applied, annulment kept beside it.</summary>
public sealed record KnownResult(ResultRecorded Result, string? AnnulledBecause = null)
{
    public bool Counts => AnnulledBecause is null;
}

public sealed record TimelineEntry(PartialDate Date, object Event);

/// <summary>
/// The athlete aggregate: everything the ledger knows of one career, folded from its stream.
/// Personal bests, championship counts and the timeline are read off it for any domain date.
/// </summary>
public sealed class Career
{
    public string Id { get; set; } = "";
    public int Version { get; set; }
    public AthleteRegistered? Athlete { get; set; }
    public List<KnownResult> Results { get; set; } = [];
    public List<BestMarkReported> ReportedBests { get; set; } = [];

    /// <summary>The records of every scope the athlete's marks hold, pending or ratified: neither rescinded nor declined.</summary>
    public List<RecordSet> Records { get; set; } = [];

    public List<ClubJoined> ClubsJoined { get; set; } = [];
    public List<ClubLeft> ClubsLeft { get; set; } = [];
    public List<HonourAwarded> Honours { get; set; } = [];

    public void When(AthleteRegistered e) => Athlete = e;

    public void When(ResultRecorded e) => Results.Add(new KnownResult(e));

    public void When(BestMarkReported e) => ReportedBests.Add(e);

    public void When(RecordSet e) => Records.Add(e);

    public void When(RecordRescinded e) =>
        Records.RemoveAll(r => r.Scope == e.Scope && r.Discipline == e.Discipline && r.Mark == e.Mark && r.Sex == e.Sex
                               && (e.ResultId is null || r.ResultId == e.ResultId) && r.Race == e.Race);

    public void When(RecordNotRatified e) => Records.RemoveAll(r => r.Scope == e.Scope && r.ResultId == e.ResultId);

    /// <summary>The national records among <see cref="Records"/>, as their events name them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<NationalRecordSet> NationalRecords =>
        Records.Where(r => RecordScopes.IsCountry(r.Scope)).Select(r => (NationalRecordSet)r.AsAppended()).ToList();

    /// <summary>The record of <paramref name="scope"/> the result holds, if any (of a women-only mark, the record of any race).</summary>
    public RecordSet? HeldRecord(string resultId, string scope) => Records.FirstOrDefault(r => r.ResultId == resultId && r.Scope == scope);

    public void When(ResultCorrected e) => Replace(e.ResultId, known => known with { Result = CorrectedBy(known.Result, e) });

    public void When(ResultAnnulled e) => Replace(e.ResultId, known => known with { AnnulledBecause = e.Reason });

    public void When(ClubJoined e) => ClubsJoined.Add(e);

    public void When(ClubLeft e) => ClubsLeft.Add(e);

    public void When(HonourAwarded e) => Honours.Add(e);

    /// <summary>Applies an event of the career; one the career keeps nothing of (the read models keep it) leaves it as it is.</summary>
    public void Fold(object @event)
    {
        switch (@event)
        {
            case AthleteRegistered e: When(e); break;
            case ResultRecorded e: When(e); break;
            case BestMarkReported e: When(e); break;
            case NationalRecordSet e: When(e.AsRecord()); break;
            case NationalRecordRescinded e: When(e.AsRescind()); break;
            case RecordSet e: When(e); break;
            case RecordRescinded e: When(e); break;
            case RecordNotRatified e: When(e); break;
            case ResultCorrected e: When(e); break;
            case ResultAnnulled e: When(e); break;
            case ClubJoined e: When(e); break;
            case ClubLeft e: When(e); break;
            case HonourAwarded e: When(e); break;
        }
    }

    /// <summary>A copy to try events on without touching this career.</summary>
    public Career Copy() => new()
    {
        Id = Id,
        Version = Version,
        Athlete = Athlete,
        Results = [..Results],
        ReportedBests = [..ReportedBests],
        Records = [..Records],
        ClubsJoined = [..ClubsJoined],
        ClubsLeft = [..ClubsLeft],
        Honours = [..Honours],
    };

    public KnownResult? FindResult(string resultId) => Results.Find(r => r.Result.ResultId == resultId);

    /// <summary>The results that count (not annulled) and had happened by <paramref name="asOf"/>.</summary>
    public IEnumerable<ResultRecorded> ResultsAsOf(DateOnly? asOf) =>
        Results.Where(r => r.Counts && Happened(r.Result.Date, asOf)).Select(r => r.Result);

    /// <summary>
    /// The best mark per discipline, outdoors and indoors apart: finished results with a mark and
    /// reported bests. A tie goes to the earlier date, since that is when the mark was first made.
    /// </summary>
    public IReadOnlyList<PersonalBest> PersonalBests(DateOnly? asOf = null) =>
        Marks(asOf)
            .GroupBy(b => (b.Discipline, b.Indoor))
            .Select(g =>
            {
                var legal = Best(g.Where(b => b.IsLegal));
                var assisted = Best(g.Where(b => !b.IsLegal));
                return legal is null
                    ? assisted!
                    : assisted is not null && g.Key.Discipline.Beats(assisted.Mark, legal.Mark) ? legal with { WindAssistedBest = assisted } : legal;
            })
            .OrderBy(b => b.Discipline, Discipline.InListOrder)
            .ThenBy(b => b.Indoor)
            .ToList();

    /// <summary>The best of some marks of one discipline, the earliest of equal ones; null when there are none.</summary>
    private static PersonalBest? Best(IEnumerable<PersonalBest> marks) =>
        marks.Aggregate((PersonalBest?)null, (best, mark) => best is null || Before(mark, best) ? mark : best);

    /// <summary>Everything a profile shows as of <paramref name="asOf"/>; the athlete must be registered.</summary>
    public Profile ProfileAsOf(DateOnly? asOf)
    {
        var records = NationalRecords.Where(r => Happened(r.Date, asOf) && r.Race != RaceKind.WomenOnly).ToList();
        var bestOnItsDay = PersonalBestsOnTheirDay(asOf);
        var races = ResultsAsOf(asOf).OrderBy(r => r.Date)
            .Select(r => new Race(r, bestOnItsDay.Contains(r.ResultId), records.Any(n => n.ResultId == r.ResultId)))
            .ToList();
        return new Profile(Athlete!, PersonalBests(asOf), Championships(asOf), races, records,
            ClubsJoined.Where(c => Happened(c.Date, asOf)).OrderBy(c => c.Date).ToList(),
            ClubsLeft.Where(c => Happened(c.Date, asOf)).OrderBy(c => c.Date).ToList(),
            Honours.Where(h => Happened(h.Date, asOf)).OrderBy(h => h.Date).ToList());
    }

    /// <summary>
    /// The results that were the personal best on their own day, as <see cref="PersonalBests"/> as of
    /// that day would answer, in one pass: the marks are taken day by day, and the best so far of
    /// each discipline is the answer for that day.
    /// </summary>
    private HashSet<string> PersonalBestsOnTheirDay(DateOnly? asOf)
    {
        var best = new Dictionary<(Discipline, bool), PersonalBest>();
        var results = new HashSet<string>();
        foreach (var day in Marks(asOf).Where(m => m.IsLegal).GroupBy(m => m.Date.LastDay).OrderBy(d => d.Key))
        {
            foreach (var mark in day)
                if (!best.TryGetValue((mark.Discipline, mark.Indoor), out var so) || Before(mark, so))
                    best[(mark.Discipline, mark.Indoor)] = mark;
            results.UnionWith(day.Where(m => m.ResultId is not null && ReferenceEquals(best[(m.Discipline, m.Indoor)], m)).Select(m => m.ResultId!));
        }

        return results;
    }

    /// <summary>Whether a mark comes before another of its discipline: better, or as good and earlier.</summary>
    private static bool Before(PersonalBest mark, PersonalBest other) =>
        mark.Discipline.Compare(mark.Mark, other.Mark) is var better && (better < 0 || (better == 0 && mark.Date.CompareTo(other.Date) < 0));

    /// <summary>Every mark of the career by <paramref name="asOf"/>: raced, then reported.</summary>
    private IEnumerable<PersonalBest> Marks(DateOnly? asOf) =>
        ResultsAsOf(asOf)
            .Where(r => r is { Status: ResultStatus.Finished, Mark: not null })
            .Select(r => new PersonalBest(r.Discipline, r.Mark!.Value, r.Date, r.Competition, r.ResultId, r.Wind, r.Indoor == true))
            .Concat(ReportedBests
                .Where(b => Happened(b.Date, asOf))
                .Select(b => new PersonalBest(b.Discipline, b.Mark, b.Date, null, null, b.Wind, b.Indoor == true)));

    /// <summary>
    /// The best mark in the discipline, indoors or out, that could stand as a record: record-eligible
    /// finished results and reported bests, leaving out one result when named (the one a correction is about).
    /// </summary>
    public Mark? BestEligible(Discipline discipline, bool indoor, string? leavingOut = null) =>
        ResultsAsOf(null)
            .Where(r => r.Discipline == discipline && (r.Indoor == true) == indoor && r.ResultId != leavingOut)
            .Select(r => r.EligibleMark())
            .Concat(ReportedBests.Where(b => b.Discipline == discipline && (b.Indoor == true) == indoor).Select(b => b.EligibleMark()))
            .Aggregate((Mark?)null, discipline.Best);

    /// <summary>
    /// The best mark of the career a record list holds (<see cref="RecordList.Holds"/>) that could stand as a record, made by
    /// <paramref name="by"/>, leaving out one result; reported bests only where the list asks nothing of the race; none of another sex's list.
    /// </summary>
    public Mark? BestEligible(RecordList list, PartialDate by, string? leavingOut) =>
        Athlete?.Sex != list.Sex ? null : ResultsAsOf(by.LastDay)
            .Where(r => r.ResultId != leavingOut && list.Holds(Athlete!.Country, r))
            .Select(r => r.EligibleMark())
            .Concat(list.WomenOnly || list.Scope.StartsWith(RecordScopes.ChampionshipPrefix)
                ? []
                : ReportedBests.Where(b => b.Discipline == list.Discipline && (b.Indoor == true) == list.Indoor && b.Date.IsOnOrBefore(by.LastDay))
                    .Select(b => b.EligibleMark()))
            .Aggregate((Mark?)null, list.Discipline.Best);

    /// <summary>
    /// Counts per championship series: editions are the distinct years entered, starts the races
    /// begun (a DNF started, a DNS did not), medals and best place come from finished races only.
    /// </summary>
    public IReadOnlyList<ChampionshipCount> Championships(DateOnly? asOf = null) =>
        ResultsAsOf(asOf)
            .Where(r => r.Championship is not null)
            .GroupBy(r => r.Championship!.Value)
            .Select(g =>
            {
                var finished = g.Where(r => r.Status == ResultStatus.Finished).ToList();
                return new ChampionshipCount(
                    g.Key,
                    Editions: g.Select(r => r.Date.Year).Distinct().Count(),
                    Starts: g.Count(r => r.Status != ResultStatus.Dns),
                    Finishes: finished.Count,
                    Dnf: g.Count(r => r.Status == ResultStatus.Dnf),
                    Gold: finished.Count(r => r.Place == 1),
                    Silver: finished.Count(r => r.Place == 2),
                    Bronze: finished.Count(r => r.Place == 3),
                    BestPlace: finished.Min(r => r.Place));
            })
            .OrderBy(c => Championship.Series.ToList().IndexOf(c.Championship.Code))
            .ToList();

    /// <summary>Every dated fact of the career in date order, as now known (annulled results left out).</summary>
    public IReadOnlyList<TimelineEntry> Timeline(DateOnly? asOf = null)
    {
        IEnumerable<TimelineEntry> entries =
        [
            ..ResultsAsOf(null).Select(r => new TimelineEntry(r.Date, r)),
            ..ReportedBests.Select(b => new TimelineEntry(b.Date, b)),
            ..NationalRecords.Where(r => r.Race != RaceKind.WomenOnly).Select(r => new TimelineEntry(r.Date, r)),
            ..ClubsJoined.Select(c => new TimelineEntry(c.Date, c)),
            ..ClubsLeft.Select(c => new TimelineEntry(c.Date, c)),
            ..Honours.Select(h => new TimelineEntry(h.Date, h)),
        ];
        return entries.Where(e => Happened(e.Date, asOf)).OrderBy(e => e.Date).ToList();
    }

    private static bool Happened(PartialDate date, DateOnly? asOf) => asOf is null || date.IsOnOrBefore(asOf.Value);

    private void Replace(string resultId, Func<KnownResult, KnownResult> change)
    {
        var index = Results.FindIndex(r => r.Result.ResultId == resultId);
        if (index >= 0) Results[index] = change(Results[index]);
    }

    public static ResultRecorded CorrectedBy(ResultRecorded r, ResultCorrected c) => r with
    {
        Date = c.Date ?? r.Date,
        Competition = c.Competition ?? r.Competition,
        Discipline = c.Discipline ?? r.Discipline,
        Status = c.Status ?? r.Status,
        Mark = c.Status is { } status && status != ResultStatus.Finished ? null : c.Mark ?? r.Mark,
        Place = c.Place ?? r.Place,
        OverallPlace = c.OverallPlace ?? r.OverallPlace,
        Venue = c.Venue ?? r.Venue,
        Championship = c.Championship ?? r.Championship,
        RecordEligible = c.RecordEligible ?? r.RecordEligible,
        Notes = c.Notes ?? r.Notes,
        NewWorldRecord = c.NewWorldRecord ?? r.NewWorldRecord,
        Wind = c.Wind ?? r.Wind,
        Indoor = c.Indoor ?? r.Indoor,
        Race = c.Race ?? r.Race,
    };
}
