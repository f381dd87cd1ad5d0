namespace Ledger.Domain;

/// <summary>A result as the summary keeps it: enough to count it, date it and weigh its mark, as a record too (eligible unless false, as in the event).</summary>
public sealed record CountedResult(string ResultId, PartialDate Date, Discipline Discipline, Mark? Mark, bool? RecordEligible = null);

/// <summary>
/// Who an athlete is and the outline of their career, small enough to list by the thousand: lists,
/// search and the index page read this, never the whole career. It keeps one short entry per result
/// that counts, since a correction or an annulment may change which result is the first, the last or
/// the best.
/// </summary>
public sealed class AthleteSummary : IAthleteDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
    public Sex Sex { get; set; }
    public PartialDate? Born { get; set; }

    /// <summary>Results that count (not annulled), of any status.</summary>
    public int Results { get; set; }

    public PartialDate? FirstResult { get; set; }
    public PartialDate? LastResult { get; set; }

    /// <summary>The discipline of most of the athlete's marks; of equal counts, the ledger's order of disciplines.</summary>
    public Discipline? MainDiscipline { get; set; }

    /// <summary>The best mark of the main discipline, raced or reported.</summary>
    public Mark? Best { get; set; }

    public List<CountedResult> Counted { get; set; } = [];
    public List<BestMarkReported> ReportedBests { get; set; } = [];

    /// <summary>The events that change a summary; the others leave it as it is.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
        [typeof(AthleteRegistered), typeof(ResultRecorded), typeof(ResultCorrected), typeof(ResultAnnulled), typeof(BestMarkReported)];

    public void Fold(object @event)
    {
        switch (@event)
        {
            case AthleteRegistered e:
                (Name, Country, Sex, Born) = (e.Name, e.Country, e.Sex, e.Born);
                return;
            case ResultRecorded e:
                Counted.Add(Of(e));
                break;
            case ResultCorrected e when Counted.FindIndex(r => r.ResultId == e.ResultId) is var index and >= 0:
                Counted[index] = CorrectedBy(Counted[index], e);
                break;
            case ResultAnnulled e:
                Counted.RemoveAll(r => r.ResultId == e.ResultId);
                break;
            case BestMarkReported e:
                ReportedBests.Add(e);
                break;
            default:
                return;
        }

        Outline();
    }

    /// <summary>
    /// The athlete's best mark in the discipline that could stand as a record: record-eligible results
    /// and reported bests, leaving out one result when named (the one a correction is about).
    /// </summary>
    public Mark? BestEligible(Discipline discipline, string? leavingOut = null) =>
        Counted.Where(r => r.Mark is not null && r.RecordEligible != false && r.Discipline == discipline && r.ResultId != leavingOut)
            .Select(r => r.Mark!.Value)
            .Concat(ReportedBests.Where(b => b.Discipline == discipline).Select(b => b.Mark))
            .Select(m => (Mark?)m)
            .Min();

    private static CountedResult Of(ResultRecorded r) =>
        new(r.ResultId, r.Date, r.Discipline, r is { Status: ResultStatus.Finished, Mark: { } mark } ? mark : null, r.RecordEligible);

    // As Career.CorrectedBy: a status other than finished takes the mark away.
    private static CountedResult CorrectedBy(CountedResult r, ResultCorrected c) => r with
    {
        Date = c.Date ?? r.Date,
        Discipline = c.Discipline ?? r.Discipline,
        Mark = c.Status is { } status && status != ResultStatus.Finished ? null : c.Mark ?? r.Mark,
        RecordEligible = c.RecordEligible ?? r.RecordEligible,
    };

    // Worked out again after every event, in one pass: an import folds a million of them.
    private void Outline()
    {
        (Results, FirstResult, LastResult) = (Counted.Count, null, null);
        var marks = new Dictionary<Discipline, (int Count, Mark Best)>();
        void Weigh(Discipline discipline, Mark mark) =>
            marks[discipline] = marks.TryGetValue(discipline, out var so) ? (so.Count + 1, mark < so.Best ? mark : so.Best) : (1, mark);

        foreach (var result in Counted)
        {
            if (FirstResult is null || result.Date.CompareTo(FirstResult.Value) < 0) FirstResult = result.Date;
            if (LastResult is null || result.Date.CompareTo(LastResult.Value) > 0) LastResult = result.Date;
            if (result.Mark is { } mark) Weigh(result.Discipline, mark);
        }

        foreach (var reported in ReportedBests) Weigh(reported.Discipline, reported.Mark);

        (MainDiscipline, Best) = (null, null);
        foreach (var (discipline, (count, best)) in marks)
        {
            if (MainDiscipline is not { } leader || count > marks[leader].Count || (count == marks[leader].Count && Before(discipline, leader)))
                (MainDiscipline, Best) = (discipline, best);
        }
    }

    private static bool Before(Discipline a, Discipline b) => a.Rank != b.Rank ? a.Rank < b.Rank : string.CompareOrdinal(a.Code, b.Code) < 0;
}
