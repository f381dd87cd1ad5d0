namespace Ledger.Domain;

/// <summary>
/// The athlete's legal marks in one discipline, outdoors or indoors, in outline: how many, the best,
/// and the best that could stand as a record.
/// </summary>
public sealed record DisciplineMarks(Discipline Discipline, int Marks, Mark Best, Mark? BestEligible, bool Indoor = false);

/// <summary>
/// Who an athlete is and the outline of their career, small enough to list by the thousand: lists,
/// search, the index page and record decisions read this, never the career. A new result or
/// reported best is added to the outline; a correction or an annulment may take away what made the
/// first, the last or the best, so the outline is then drawn again from the whole career (<see cref="Of"/>).
/// </summary>
public sealed class AthleteSummary
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

    /// <summary>The discipline of most of the athlete's legal marks; of equal counts, the ledger's order of disciplines.</summary>
    public Discipline? MainDiscipline { get; set; }

    /// <summary>The best mark of the main discipline, raced or reported.</summary>
    public Mark? Best { get; set; }

    /// <summary>
    /// Every discipline the athlete has a legal mark in, in the ledger's order of disciplines, outdoors
    /// before indoors. Wind-assisted marks are left out: they are no one's best in a list.
    /// </summary>
    public List<DisciplineMarks> Disciplines { get; set; } = [];

    /// <summary>The events that change a summary; the others leave it as it is.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
        [typeof(AthleteRegistered), typeof(ResultRecorded), typeof(ResultCorrected), typeof(ResultAnnulled), typeof(BestMarkReported)];

    /// <summary>Whether the event needs the whole career to be weighed (<see cref="Of"/>), rather than <see cref="Fold"/>.</summary>
    public static bool NeedsTheCareer(object @event) => @event is ResultCorrected or ResultAnnulled;

    /// <summary>Adds a registration, a result or a reported best to the outline.</summary>
    public void Fold(object @event)
    {
        switch (@event)
        {
            case AthleteRegistered e:
                (Name, Country, Sex, Born) = (e.Name, e.Country, e.Sex, e.Born);
                break;
            case ResultRecorded e:
                Results++;
                if (FirstResult is null || e.Date.CompareTo(FirstResult.Value) < 0) FirstResult = e.Date;
                if (LastResult is null || e.Date.CompareTo(LastResult.Value) > 0) LastResult = e.Date;
                if (e is { Status: ResultStatus.Finished, Mark: { } mark } && !Conditions.IsAssisted(e.Wind))
                    Weigh(e.Discipline, e.Indoor == true, mark, eligible: e.EligibleMark() is not null);
                break;
            case BestMarkReported e when !Conditions.IsAssisted(e.Wind):
                Weigh(e.Discipline, e.Indoor == true, e.Mark, eligible: e.EligibleMark() is not null);
                break;
            case ResultCorrected or ResultAnnulled:
                throw new InvalidOperationException($"a {@event.GetType().Name} is weighed against the whole career: AthleteSummary.Of");
        }
    }

    /// <summary>The summary of a whole career, as folding its events one by one would leave it.</summary>
    public static AthleteSummary Of(Career career)
    {
        var summary = new AthleteSummary { Id = career.Id };
        if (career.Athlete is { } athlete) summary.Fold(athlete);
        foreach (var result in career.ResultsAsOf(null)) summary.Fold(result);
        foreach (var reported in career.ReportedBests) summary.Fold(reported);
        return summary;
    }

    /// <summary>
    /// The athlete's best mark in the discipline, outdoors or indoors, that could stand as a record:
    /// record-eligible results and reported bests.
    /// </summary>
    public Mark? BestEligible(Discipline discipline, bool indoor) => Disciplines.Find(d => d.Discipline == discipline && d.Indoor == indoor)?.BestEligible;

    private void Weigh(Discipline discipline, bool indoor, Mark mark, bool eligible)
    {
        var index = Disciplines.FindIndex(d => d.Discipline == discipline && d.Indoor == indoor);
        if (index < 0)
        {
            Disciplines.Add(new DisciplineMarks(discipline, 1, mark, eligible ? mark : null, indoor));
            Disciplines.Sort(Order);
        }
        else
        {
            var so = Disciplines[index];
            Disciplines[index] = so with
            {
                Marks = so.Marks + 1, Best = discipline.Best(so.Best, mark)!.Value,
                BestEligible = eligible ? discipline.Best(so.BestEligible, mark) : so.BestEligible,
            };
        }

        var main = Disciplines.MaxBy(d => d.Marks)!;
        (MainDiscipline, Best) = (main.Discipline, main.Best);
    }

    private static int Order(DisciplineMarks a, DisciplineMarks b) =>
        Discipline.InListOrder.Compare(a.Discipline, b.Discipline) is var byDiscipline and not 0 ? byDiscipline : a.Indoor.CompareTo(b.Indoor);
}
