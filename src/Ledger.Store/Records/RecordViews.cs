using System.Text.Json.Serialization;

namespace Ledger.Store.Records;

/// <summary>A record as it stands, in a scope's list of records: <c>pending</c> ratification, or <c>ratified</c>.</summary>
public sealed record RecordView(
    string Scope, Discipline Discipline, Sex Sex, Mark Mark, string Athlete, string? Country, PartialDate Date, string? Competition, bool Indoor,
    string Status)
{
    public const string Pending = "pending";
    public const string Ratified = "ratified";

    public static RecordView Of(RecordProgression progression, RecordEntry standing) =>
        new(progression.Scope, progression.Discipline, progression.Sex, standing.Mark, standing.Athlete, standing.Country, standing.Date,
            standing.Competition, progression.Indoor, standing.IsPending ? Pending : Ratified);

    /// <summary>The mark as tables print it, with its signs (<see cref="RecordsView.Legend"/>).</summary>
    [JsonIgnore]
    public string Shown => Conditions.Shown(Mark, null, Indoor) + (Status == Pending ? "*" : "");
}

/// <param name="Country">The scope's country, for a country's records; none for another scope.</param>
public sealed record RecordsView(
    string Scope, string? Country, DateOnly? AsOf, DateTimeOffset? KnownAt, bool WomenOnly, IReadOnlyList<RecordView> Records)
{
    /// <summary>What the signs of the marks mean.</summary>
    [JsonIgnore]
    public string Legend => "i an indoor record" + (Records.Any(r => r.Status == RecordView.Pending) ? "; * pending ratification" : "");
}

/// <summary>
/// A mark that was the record, what became of it, whether it was ratified (a pending one is not yet), and whether it equalled
/// the record before it.
/// </summary>
public sealed record ProgressionView(
    Mark Mark, string Athlete, string? Country, PartialDate Date, string? Competition, DateTimeOffset RecordedAt, RecordStatus Status,
    DateTimeOffset? RescindedAt, string? RescindReason, bool Ratified, bool Equalled)
{
    public static ProgressionView Of(RecordHistoryEntry history) =>
        new(history.Entry.Mark, history.Entry.Athlete, history.Entry.Country, history.Entry.Date, history.Entry.Competition, history.Entry.RecordedAt,
            history.Status, history.Entry.RescindedAt, history.Entry.RescindReason, !history.Entry.IsPending && !history.Entry.NotRatified, history.Equalled);

    /// <summary>The mark as tables and pages print it: <c>=2:03:38</c> equalled, <c>2:07:59*</c> pending ratification.</summary>
    [JsonIgnore]
    public string Shown => (Equalled ? "=" : "") + Mark + (Ratified || Status is RecordStatus.NotRatified or RecordStatus.Rescinded ? "" : "*");
}

public sealed record RecordHistoryView(
    string Scope, string? Country, Discipline Discipline, Sex Sex, bool Indoor, bool WomenOnly, IReadOnlyList<ProgressionView> Progression);
