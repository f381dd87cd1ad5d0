namespace Ledger.Domain;

/// <summary>
/// One mark that was (or is) a national record, and what became of it: rescinded, or, where it was claimed
/// <paramref name="Pending"/> ratification, ratified (<paramref name="RatifiedAt"/>, when the ledger learned it).
/// </summary>
public sealed record RecordEntry(
    Mark Mark, string Athlete, PartialDate Date, string? Competition, string? ResultId, DateTimeOffset RecordedAt,
    DateTimeOffset? RescindedAt = null, string? RescindReason = null, bool Pending = false, DateTimeOffset? RatifiedAt = null)
{
    public bool KnownAt(DateTimeOffset? knownAt) => knownAt is null || RecordedAt <= knownAt;

    public bool RescindedBy(DateTimeOffset? knownAt) => RescindedAt is { } at && (knownAt is null || at <= knownAt);

    public bool RatifiedBy(DateTimeOffset? knownAt) => RatifiedAt is { } at && (knownAt is null || at <= knownAt);

    /// <summary>Claimed, and not ratified yet, as this entry was known.</summary>
    public bool IsPending => Pending && RatifiedAt is null;

    /// <summary>The entry as the ledger knew it at <paramref name="knownAt"/>: what it learned after, left out.</summary>
    public RecordEntry AsKnownAt(DateTimeOffset? knownAt) => this with
    {
        RescindedAt = RescindedBy(knownAt) ? RescindedAt : null,
        RescindReason = RescindedBy(knownAt) ? RescindReason : null,
        RatifiedAt = RatifiedBy(knownAt) ? RatifiedAt : null,
    };
}

public enum RecordStatus
{
    Standing,
    Superseded,
    Rescinded,
}

public sealed record RecordHistoryEntry(RecordEntry Entry, RecordStatus Status);

/// <summary>
/// Every mark that was ever the record of one country, sex and discipline, outdoors or indoors. The standing record is
/// derived, never stored: after a rescind the best remaining mark stands again by itself, and the
/// same entries answer for any domain date (<c>asOf</c>) and any moment of knowledge (<c>knownAt</c>).
/// </summary>
public sealed class NationalRecordProgression
{
    public string Id { get; set; } = "";
    public string Country { get; set; } = "";
    public Sex Sex { get; set; }
    public Discipline Discipline { get; set; }
    public bool Indoor { get; set; }
    public List<RecordEntry> Entries { get; set; } = [];

    /// <summary>"MGL/men/marathon"; an indoor record's key ends in "/indoor".</summary>
    public static string KeyOf(string country, Sex sex, Discipline discipline, bool indoor = false) =>
        $"{country}/{sex.ToString().ToLowerInvariant()}/{discipline}{(indoor ? "/indoor" : "")}";

    /// <summary>The events a progression folds: the projection that keeps the documents, and an import, take them from here.</summary>
    public static readonly IReadOnlyList<Type> EventTypes = [typeof(NationalRecordSet), typeof(NationalRecordRescinded), typeof(RecordRatified)];

    /// <summary>The document a record event belongs to: its country, sex and discipline, outdoors or indoors; none for another event.</summary>
    public static string? KeyOf(object @event) => @event switch
    {
        NationalRecordSet e => KeyOf(e.Country, e.Sex, e.Discipline, e.Indoor == true),
        NationalRecordRescinded e => KeyOf(e.Country, e.Sex, e.Discipline, e.Indoor == true),
        RecordRatified { Sex: { } sex, Discipline: { } discipline } e => KeyOf(e.Scope, sex, discipline, e.Indoor == true),
        _ => null,
    };

    /// <summary>Folds a record event of <paramref name="athlete"/>'s stream, which the ledger recorded at <paramref name="recordedAt"/>.</summary>
    public void Apply(string athlete, object record, DateTimeOffset recordedAt)
    {
        switch (record)
        {
            case NationalRecordSet set:
                Set(athlete, set, recordedAt);
                break;
            case NationalRecordRescinded rescinded:
                Rescind(athlete, rescinded, recordedAt);
                break;
            case RecordRatified ratified:
                Ratify(athlete, ratified, recordedAt);
                break;
        }
    }

    private void Set(string athlete, NationalRecordSet e, DateTimeOffset recordedAt)
    {
        (Id, Country, Sex, Discipline, Indoor) = (KeyOf(e.Country, e.Sex, e.Discipline, e.Indoor == true), e.Country, e.Sex, e.Discipline, e.Indoor == true);
        Entries.Add(new RecordEntry(e.Mark, athlete, e.Date, e.Competition, e.ResultId, recordedAt, Pending: e.Ratified == false));
    }

    /// <summary>The record the result set stands as ratified from <paramref name="ratifiedAt"/>; ratified again, it keeps its first ratification.</summary>
    private void Ratify(string athlete, RecordRatified e, DateTimeOffset ratifiedAt)
    {
        var index = Entries.FindLastIndex(r => r.Athlete == athlete && r.ResultId == e.ResultId);
        if (index >= 0) Entries[index] = Entries[index] with { RatifiedAt = Entries[index].RatifiedAt ?? ratifiedAt };
    }

    private void Rescind(string athlete, NationalRecordRescinded e, DateTimeOffset rescindedAt)
    {
        var index = Entries.FindLastIndex(r => r.RescindedAt is null && r.Athlete == athlete && r.Mark == e.Mark
                                               && (e.ResultId is null || r.ResultId == e.ResultId));
        if (index >= 0) Entries[index] = Entries[index] with { RescindedAt = rescindedAt, RescindReason = e.Reason };
    }

    /// <summary>
    /// The best mark known at <paramref name="knownAt"/>, set by <paramref name="asOf"/>, not rescinded, as the ledger then knew
    /// it; leaving out the entries <paramref name="leavingOut"/> names (the one a correction is about).
    /// </summary>
    public RecordEntry? Standing(DateOnly? asOf = null, DateTimeOffset? knownAt = null, Func<RecordEntry, bool>? leavingOut = null) =>
        StandingEntry(asOf, knownAt, leavingOut)?.AsKnownAt(knownAt);

    private RecordEntry? StandingEntry(DateOnly? asOf, DateTimeOffset? knownAt, Func<RecordEntry, bool>? leavingOut) =>
        Entries
            .Where(r => r.KnownAt(knownAt) && !r.RescindedBy(knownAt) && (asOf is null || r.Date.IsOnOrBefore(asOf.Value)) && leavingOut?.Invoke(r) != true)
            .OrderBy(r => r.Mark, Discipline.BetterFirst).ThenBy(r => r.Date).ThenBy(r => r.RecordedAt)
            .FirstOrDefault();

    /// <summary>Whether the athlete's mark (of the result named, if any) set this record, as known at <paramref name="knownAt"/>.</summary>
    public bool SetBy(string athlete, Mark mark, string? resultId, DateTimeOffset? knownAt = null) =>
        Entries.Any(r => r.Athlete == athlete && r.Mark == mark && (r.ResultId is null || r.ResultId == resultId)
                         && r.KnownAt(knownAt) && !r.RescindedBy(knownAt));

    /// <summary>Every mark that was the record, oldest first, with what became of it.</summary>
    public IReadOnlyList<RecordHistoryEntry> History(DateTimeOffset? knownAt = null)
    {
        var standing = StandingEntry(null, knownAt, null);
        return Entries
            .Where(r => r.KnownAt(knownAt))
            .OrderBy(r => r.Date).ThenBy(r => r.RecordedAt)
            .Select(r => new RecordHistoryEntry(
                r.AsKnownAt(knownAt),
                r.RescindedBy(knownAt) ? RecordStatus.Rescinded : ReferenceEquals(r, standing) ? RecordStatus.Standing : RecordStatus.Superseded))
            .ToList();
    }
}
