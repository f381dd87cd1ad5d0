namespace Ledger.Domain;

/// <summary>
/// A mark as the toplists hold it: a finished result's mark as one version of it stood (a correction
/// makes a new version), or a reported best, with the athlete it belongs to and the span of system
/// time the ledger held it (<see cref="KnownFrom"/> until <see cref="KnownUntil"/>, open while it
/// still holds it). Any moment of knowledge is a filter on that span, any domain date a filter on
/// <see cref="LastDay"/>: no list is worked out from the careers.
/// </summary>
public sealed class ListedMark
{
    /// <summary>The event that made this version known: the result, the correction or the reported best.</summary>
    public Guid Id { get; set; }

    public string Athlete { get; set; } = "";
    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
    public Sex Sex { get; set; }
    public Discipline Discipline { get; set; }
    public Mark Mark { get; set; }
    public PartialDate Date { get; set; }
    public string? Competition { get; set; }
    public string? Venue { get; set; }
    public Wind? Wind { get; set; }
    public bool Indoor { get; set; }

    /// <summary>The result the mark was made in; none for a reported best.</summary>
    public string? ResultId { get; set; }

    /// <summary>Whether the mark could stand as a record: record-eligible and wind-legal. Records weigh such marks alone.</summary>
    public bool Eligible { get; set; }

    /// <summary>The championship series of the race; a championship's records weigh its own marks.</summary>
    public Championship? Championship { get; set; }

    /// <summary>A mark of a women-only race, which the women-only road records weigh.</summary>
    public bool WomenOnly { get; set; }

    public DateTimeOffset KnownFrom { get; set; }
    public DateTimeOffset? KnownUntil { get; set; }

    // The keys a toplist filters and orders by, as plain values: the store keeps them in columns
    // of their own, indexed. They follow from the fields above.

    public string DisciplineCode => Discipline.Code;
    public long Hundredths => Mark.Hundredths;

    /// <summary>Wind-assisted marks are left out of toplists unless asked for.</summary>
    public bool Assisted => Conditions.IsAssisted(Wind);

    /// <summary>A partial date belongs to its year.</summary>
    public int Year => Date.Year;

    public DateOnly FirstDay => Date.FirstDay;
    public DateOnly LastDay => Date.LastDay;

    public string? ChampionshipCode => Championship?.Code;
}

/// <summary>
/// The marks of one athlete's stream as the toplists hold them, event by event: a result with a mark
/// and a reported best open a version; a correction closes the result's version and opens the
/// corrected one (if it still has a mark); an annulment closes it. Each event is taken with the
/// career as it stood before it, and with its id and the time the ledger recorded it.
/// </summary>
public sealed class ListedMarks
{
    private readonly Dictionary<string, ListedMark> _open = [];

    private readonly HashSet<ListedMark> _opened = [];
    private readonly HashSet<ListedMark> _closed = [];

    /// <summary>The versions opened since the last <see cref="Saved"/> (closed again or not): new, to be inserted.</summary>
    public IReadOnlyCollection<ListedMark> Opened => _opened;

    /// <summary>The versions opened before the last <see cref="Saved"/> and closed since: stored, to be updated.</summary>
    public IReadOnlyCollection<ListedMark> Closed => _closed;

    /// <summary>The events that can change the marks, and the registration that names their athlete.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
        [typeof(AthleteRegistered), typeof(ResultRecorded), typeof(ResultCorrected), typeof(ResultAnnulled), typeof(BestMarkReported)];

    /// <summary>Whether the event can change the marks.</summary>
    public static bool Concerns(object @event) => @event is not AthleteRegistered && EventTypes.Contains(@event.GetType());

    public void Take(Career before, Guid eventId, DateTimeOffset recordedAt, object @event)
    {
        switch (@event)
        {
            case ResultRecorded e:
                Open(before, eventId, recordedAt, e);
                break;
            case BestMarkReported e:
                var reported = New(before, eventId, recordedAt, e.Discipline, e.Mark, e.Date, null, null, null, e.Wind, e.Indoor);
                reported.Eligible = e.EligibleMark() is not null;
                _opened.Add(reported);
                break;
            case ResultCorrected e when before.FindResult(e.ResultId) is { Counts: true } known:
                Close(e.ResultId, recordedAt);
                Open(before, eventId, recordedAt, Career.CorrectedBy(known.Result, e));
                break;
            case ResultAnnulled e:
                Close(e.ResultId, recordedAt);
                break;
        }
    }

    /// <summary>The opened and closed versions have been written; what changes next is changed anew.</summary>
    public void Saved()
    {
        _opened.Clear();
        _closed.Clear();
    }

    private void Open(Career before, Guid eventId, DateTimeOffset recordedAt, ResultRecorded result)
    {
        if (result is not { Status: ResultStatus.Finished, Mark: { } mark }) return;
        var listed = New(before, eventId, recordedAt, result.Discipline, mark, result.Date, result.Competition, result.Venue, result.ResultId, result.Wind,
            result.Indoor);
        (listed.Eligible, listed.Championship, listed.WomenOnly) = (result.EligibleMark() is not null, result.Championship, result.Race == RaceKind.WomenOnly);
        _open[result.ResultId] = listed;
        _opened.Add(listed);
    }

    private void Close(string resultId, DateTimeOffset recordedAt)
    {
        if (!_open.Remove(resultId, out var listed)) return;
        listed.KnownUntil = recordedAt;
        if (!_opened.Contains(listed)) _closed.Add(listed);
    }

    private static ListedMark New(Career career, Guid eventId, DateTimeOffset recordedAt, Discipline discipline, Mark mark,
        PartialDate date, string? competition, string? venue, string? resultId, Wind? wind, bool? indoor)
    {
        var athlete = career.Athlete ?? throw new InvalidOperationException($"athlete '{career.Id}' has a mark before being registered");
        return new ListedMark
        {
            Id = eventId, Athlete = career.Id, Name = athlete.Name, Country = athlete.Country, Sex = athlete.Sex,
            Discipline = discipline, Mark = mark, Date = date, Competition = competition, Venue = venue, ResultId = resultId,
            Wind = wind, Indoor = indoor == true, KnownFrom = recordedAt,
        };
    }
}
