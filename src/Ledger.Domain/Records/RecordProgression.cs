namespace Ledger.Domain;

/// <summary>
/// One mark that claimed a record, and what became of it: rescinded, declined by the record's body (<paramref name="NotRatified"/>),
/// or, where it was claimed <paramref name="Pending"/> ratification, ratified (<paramref name="RatifiedAt"/>, when the ledger learned it).
/// <paramref name="Country"/> is the athlete's.
/// </summary>
public sealed record RecordEntry(
    Mark Mark, string Athlete, PartialDate Date, string? Competition, string? ResultId, DateTimeOffset RecordedAt,
    DateTimeOffset? RescindedAt = null, string? RescindReason = null, bool Pending = false, DateTimeOffset? RatifiedAt = null,
    string? Country = null, bool NotRatified = false)
{
    public bool KnownAt(DateTimeOffset? knownAt) => knownAt is null || RecordedAt <= knownAt;

    public bool RescindedBy(DateTimeOffset? knownAt) => RescindedAt is { } at && (knownAt is null || at <= knownAt);

    public bool RatifiedBy(DateTimeOffset? knownAt) => RatifiedAt is { } at && (knownAt is null || at <= knownAt);

    /// <summary>Claimed, and not ratified yet, as this entry was known.</summary>
    public bool IsPending => Pending && RatifiedAt is null;

    /// <summary>Whether two marks were made in one race: the same day and competition.</summary>
    public bool SameRace(PartialDate date, string? competition) =>
        Date == date && string.Equals(Competition, competition, StringComparison.OrdinalIgnoreCase);

    /// <summary>The entry as the ledger knew it at <paramref name="knownAt"/>: what it learned after, left out.</summary>
    public RecordEntry AsKnownAt(DateTimeOffset? knownAt) => this with
    {
        RescindedAt = RescindedBy(knownAt) ? RescindedAt : null,
        RescindReason = RescindedBy(knownAt) ? RescindReason : null,
        NotRatified = NotRatified && RescindedBy(knownAt),
        RatifiedAt = RatifiedBy(knownAt) ? RatifiedAt : null,
    };
}

public enum RecordStatus
{
    Standing,
    Superseded,
    Rescinded,
    NotRatified,
}

/// <param name="Equalled">The mark equals the record it followed: both stand in the progression, neither supersedes the other.</param>
public sealed record RecordHistoryEntry(RecordEntry Entry, RecordStatus Status, bool Equalled = false);

/// <summary>
/// Every mark that ever claimed one record (<see cref="RecordList"/>). The progression is derived, never stored: a
/// claim is a record when no mark made before it, nor a better one in its own race, beat it; a mark as good as the
/// record equals it. So after a rescind the record before stands again, marks may arrive in any order, and the same
/// entries answer for any domain date (<c>asOf</c>) and any moment of knowledge (<c>knownAt</c>).
/// </summary>
public sealed class RecordProgression
{
    public string Id { get; set; } = "";
    public string Scope { get; set; } = "";
    public Sex Sex { get; set; }
    public Discipline Discipline { get; set; }
    public bool Indoor { get; set; }
    public bool WomenOnly { get; set; }
    public List<RecordEntry> Entries { get; set; } = [];

    /// <summary>The events a progression folds: the projection that keeps the documents, and an import, take them from here.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(NationalRecordSet), typeof(NationalRecordRescinded), typeof(RecordSet), typeof(RecordRescinded), typeof(RecordRatified),
        typeof(RecordNotRatified),
    ];

    /// <summary>The documents a record event belongs to (<see cref="RecordList.FoldedBy"/>); none for another event.</summary>
    public static IReadOnlyList<string> KeysOf(object @event) => RecordList.FoldedBy(@event).Select(l => l.Key).ToList();

    public static RecordProgression Of(RecordList list) => new()
    {
        Id = list.Key, Scope = list.Scope, Sex = list.Sex, Discipline = list.Discipline, Indoor = list.Indoor, WomenOnly = list.WomenOnly,
    };

    /// <summary>Folds a record event of <paramref name="athlete"/>'s stream, which the ledger recorded at <paramref name="recordedAt"/>.</summary>
    public void Apply(string athlete, object record, DateTimeOffset recordedAt)
    {
        _current = null;
        switch (record)
        {
            case NationalRecordSet set:
                Set(athlete, set.AsRecord(), recordedAt);
                break;
            case RecordSet set:
                Set(athlete, set, recordedAt);
                break;
            case NationalRecordRescinded rescinded:
                Rescind(athlete, rescinded.AsRescind(), recordedAt);
                break;
            case RecordRescinded rescinded:
                Rescind(athlete, rescinded, recordedAt);
                break;
            case RecordRatified ratified:
                Change(athlete, ratified.ResultId, e => e with { RatifiedAt = e.RatifiedAt ?? recordedAt });
                break;
            case RecordNotRatified declined:
                Change(athlete, declined.ResultId, e => e.RescindedAt is null && e.RatifiedAt is null
                    ? e with { RescindedAt = recordedAt, RescindReason = declined.Reason, NotRatified = true }
                    : e);
                break;
        }
    }

    private void Set(string athlete, RecordSet e, DateTimeOffset recordedAt)
    {
        (Id, Scope, Sex, Discipline, Indoor, WomenOnly) = (RecordList.Of(e)!.Key, e.Scope, e.Sex, e.Discipline, e.Indoor == true, e.Race == RaceKind.WomenOnly);
        Entries.Add(new RecordEntry(e.Mark, athlete, e.Date, e.Competition, e.ResultId, recordedAt, Pending: e.Ratified == false, Country: e.Country));
    }

    private void Change(string athlete, string resultId, Func<RecordEntry, RecordEntry> change)
    {
        var index = Entries.FindLastIndex(r => r.Athlete == athlete && r.ResultId == resultId);
        if (index >= 0) Entries[index] = change(Entries[index]);
    }

    private void Rescind(string athlete, RecordRescinded e, DateTimeOffset rescindedAt)
    {
        var index = Entries.FindLastIndex(r => r.RescindedAt is null && r.Athlete == athlete && r.Mark == e.Mark
                                               && (e.ResultId is null || r.ResultId == e.ResultId));
        if (index >= 0) Entries[index] = Entries[index] with { RescindedAt = rescindedAt, RescindReason = e.Reason };
    }

    /// <summary>
    /// The record as it stood on <paramref name="asOf"/>, as the ledger knew it at <paramref name="knownAt"/>: the best mark of the
    /// progression (of equal ones, the first); of ratified marks only where <paramref name="ratifiedOnly"/>; leaving out the
    /// entries <paramref name="leavingOut"/> names (the one a correction is about).
    /// </summary>
    public RecordEntry? Standing(DateOnly? asOf = null, DateTimeOffset? knownAt = null, Func<RecordEntry, bool>? leavingOut = null,
        bool ratifiedOnly = false) =>
        Records(knownAt, leavingOut, ratifiedOnly)
            .Where(r => asOf is null || r.Entry.Date.IsOnOrBefore(asOf.Value))
            .Select(r => r.Entry)
            .OrderBy(r => r.Mark, Discipline.BetterFirst).ThenBy(r => r.Date).ThenBy(r => r.RecordedAt)
            .FirstOrDefault()?.AsKnownAt(knownAt);

    /// <summary>
    /// The claims that stand in the progression, oldest first: known, neither rescinded nor declined, and beaten by no claim made
    /// before them or in their own race; each with whether it equalled the record before it.
    /// </summary>
    private IEnumerable<(RecordEntry Entry, bool Equalled)> Records(DateTimeOffset? knownAt, Func<RecordEntry, bool>? leavingOut, bool ratifiedOnly) =>
        knownAt is null && !ratifiedOnly && (leavingOut is null || !Entries.Any(leavingOut))
            ? _current ??= Derive(null, null, false).ToList()
            : Derive(knownAt, leavingOut, ratifiedOnly);

    /// <summary>The progression as now known, kept until the next event: an import weighs every row against it.</summary>
    private List<(RecordEntry Entry, bool Equalled)>? _current;

    private IEnumerable<(RecordEntry Entry, bool Equalled)> Derive(DateTimeOffset? knownAt, Func<RecordEntry, bool>? leavingOut, bool ratifiedOnly)
    {
        // Day by day, oldest first, with the best mark and every mark of the days before: a list decided row by row in an
        // import asks this of every row, so it is one pass, not every claim against every other.
        Mark? bestBefore = null;
        var marksBefore = new HashSet<long>();
        foreach (var day in Claims(knownAt, leavingOut, ratifiedOnly).GroupBy(c => c.Date))
        {
            var bestOfRace = day.GroupBy(c => c.Competition ?? "", StringComparer.OrdinalIgnoreCase)
                .ToDictionary(race => race.Key, race => race.Select(c => (Mark?)c.Mark).Aggregate(Discipline.Best)!.Value, StringComparer.OrdinalIgnoreCase);
            foreach (var claim in day)
                if ((bestBefore is not { } best || !Discipline.Beats(best, claim.Mark)) && !Discipline.Beats(bestOfRace[claim.Competition ?? ""], claim.Mark))
                    yield return (claim, marksBefore.Contains(claim.Mark.Hundredths));
            foreach (var claim in day)
            {
                bestBefore = Discipline.Best(bestBefore, claim.Mark);
                marksBefore.Add(claim.Mark.Hundredths);
            }
        }
    }

    private IEnumerable<RecordEntry> Claims(DateTimeOffset? knownAt, Func<RecordEntry, bool>? leavingOut, bool ratifiedOnly) =>
        Entries
            .Where(r => r.KnownAt(knownAt) && !r.RescindedBy(knownAt) && leavingOut?.Invoke(r) != true
                        && (!ratifiedOnly || !r.Pending || r.RatifiedBy(knownAt)))
            .OrderBy(r => r.Date).ThenBy(r => r.RecordedAt);

    /// <summary>
    /// The claims a mark made on <paramref name="date"/> in <paramref name="competition"/> takes the record from, were it a record:
    /// worse marks of its own race, and worse marks made after it, which were records only while it was not known.
    /// </summary>
    public IReadOnlyList<RecordEntry> OvertakenBy(Mark mark, PartialDate date, string? competition, Func<RecordEntry, bool>? leavingOut = null) =>
        Records(null, leavingOut, ratifiedOnly: false).Select(r => r.Entry)
            .Where(r => (r.SameRace(date, competition) || r.Date.CompareTo(date) > 0) && Discipline.Beats(mark, r.Mark))
            .ToList();

    /// <summary>Whether the athlete's mark (of the result named, if any) claimed this record, as known at <paramref name="knownAt"/>.</summary>
    public bool SetBy(string athlete, Mark mark, string? resultId, DateTimeOffset? knownAt = null) =>
        Entries.Any(r => r.Athlete == athlete && r.Mark == mark && (r.ResultId is null || r.ResultId == resultId)
                         && r.KnownAt(knownAt) && !r.RescindedBy(knownAt));

    /// <summary>
    /// Every mark that was the record, oldest first, with what became of it: claims that never were the record (beaten in their
    /// own race, or by a mark made before them) are not in it; rescinded and declined ones are, for the audit.
    /// </summary>
    public IReadOnlyList<RecordHistoryEntry> History(DateTimeOffset? knownAt = null)
    {
        var records = Records(knownAt, null, ratifiedOnly: false).ToList();
        var best = records.Select(r => (Mark?)r.Entry.Mark).Aggregate((Mark?)null, Discipline.Best);
        var taken = Entries.Where(r => r.KnownAt(knownAt) && r.RescindedBy(knownAt) && !NeverWas(r, records.Select(x => x.Entry)))
            .Select(r => new RecordHistoryEntry(r.AsKnownAt(knownAt), r.NotRatified ? RecordStatus.NotRatified : RecordStatus.Rescinded));
        var standing = records.Select(r => new RecordHistoryEntry(
            r.Entry.AsKnownAt(knownAt), r.Entry.Mark == best ? RecordStatus.Standing : RecordStatus.Superseded, r.Equalled));
        return standing.Concat(taken).OrderBy(r => r.Entry.Date).ThenBy(r => r.Entry.RecordedAt).ToList();
    }

    /// <summary>A claim taken back because a record came before it, or out of its own race: it never was the record.</summary>
    private bool NeverWas(RecordEntry claim, IEnumerable<RecordEntry> records) =>
        !claim.NotRatified && records.Any(o => (o.Date.CompareTo(claim.Date) < 0 || o.SameRace(claim.Date, claim.Competition))
                                              && Discipline.Beats(o.Mark, claim.Mark));
}
