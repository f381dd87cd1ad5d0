using System.Text.Json.Serialization;

namespace Ledger.Store.Records;

/// <summary>A record as it stands, in a country's list of records: <c>pending</c> ratification, or <c>ratified</c>.</summary>
public sealed record RecordView(
    Discipline Discipline, Sex Sex, Mark Mark, string Athlete, PartialDate Date, string? Competition, bool Indoor, string Status)
{
    public const string Pending = "pending";
    public const string Ratified = "ratified";

    public static RecordView Of(NationalRecordProgression progression, RecordEntry standing) =>
        new(progression.Discipline, progression.Sex, standing.Mark, standing.Athlete, standing.Date, standing.Competition, progression.Indoor,
            standing.IsPending ? Pending : Ratified);

    /// <summary>The mark as tables print it, with its signs (<see cref="RecordsView.Legend"/>).</summary>
    [JsonIgnore]
    public string Shown => Conditions.Shown(Mark, null, Indoor) + (Status == Pending ? "*" : "");
}

public sealed record RecordsView(string Country, DateOnly? AsOf, DateTimeOffset? KnownAt, IReadOnlyList<RecordView> Records)
{
    /// <summary>What the signs of the marks mean.</summary>
    [JsonIgnore]
    public string Legend => "i an indoor record" + (Records.Any(r => r.Status == RecordView.Pending) ? "; * pending ratification" : "");
}

/// <summary>A mark that was the record, what became of it, and whether it was ratified (a pending one is not yet).</summary>
public sealed record ProgressionView(
    Mark Mark, string Athlete, PartialDate Date, string? Competition, DateTimeOffset RecordedAt, RecordStatus Status,
    DateTimeOffset? RescindedAt, string? RescindReason, bool Ratified)
{
    public static ProgressionView Of(RecordHistoryEntry history) =>
        new(history.Entry.Mark, history.Entry.Athlete, history.Entry.Date, history.Entry.Competition, history.Entry.RecordedAt, history.Status,
            history.Entry.RescindedAt, history.Entry.RescindReason, !history.Entry.IsPending);

    /// <summary>The mark as tables and pages print it: <c>2:07:59*</c> pending ratification.</summary>
    [JsonIgnore]
    public string Shown => Mark + (Ratified ? "" : "*");
}

public sealed record RecordHistoryView(string Country, Discipline Discipline, Sex Sex, bool Indoor, IReadOnlyList<ProgressionView> Progression);
