namespace Ledger.Domain;

// The facts of an athlete's career: one stream per athlete, keyed by the athlete's slug.
// Business time is each event's own date; when the ledger learned a fact is the store's business.

public sealed record AthleteRegistered(
    string Name, string Country, Sex Sex, PartialDate? Born = null, string? Birthplace = null,
    string? NativeName = null, string? Nickname = null, string? Source = null);

/// <summary>
/// A result. <paramref name="Wind"/> is the reading of a wind-measured discipline (none indoors);
/// <paramref name="Indoor"/> is true for a mark set indoors, which stands apart from outdoor marks.
/// </summary>
public sealed record ResultRecorded(
    string ResultId, PartialDate Date, string Competition, Discipline Discipline, ResultStatus Status,
    Mark? Mark = null, int? Place = null, int? OverallPlace = null, string? Venue = null,
    Championship? Championship = null, bool? RecordEligible = null, string? Notes = null, string? Source = null,
    bool? NewWorldRecord = null, Wind? Wind = null, bool? Indoor = null)
{
    /// <summary>The mark this result could stand as a record with: finished, marked, record-eligible and wind-legal (a method, so it is never stored).</summary>
    public Mark? EligibleMark() => Status == ResultStatus.Finished && RecordEligible != false && Conditions.AllowRecord(Discipline, Wind, Indoor) ? Mark : null;
}

/// <summary>A best known from a list, with no race attached.</summary>
public sealed record BestMarkReported(
    Discipline Discipline, Mark Mark, PartialDate Date, bool? NationalRecord = null, string? Source = null, bool? NewWorldRecord = null,
    Wind? Wind = null, bool? Indoor = null)
{
    /// <summary>The mark, if it could stand as a record: wind-legal (a method, so it is never stored).</summary>
    public Mark? EligibleMark() => Conditions.AllowRecord(Discipline, Wind, Indoor) ? Mark : null;
}

/// <summary>Changes the fields it carries of an earlier result; the others stay as they were.</summary>
public sealed record ResultCorrected(
    string ResultId, string Reason, PartialDate? Date = null, string? Competition = null,
    Discipline? Discipline = null, ResultStatus? Status = null, Mark? Mark = null, int? Place = null,
    int? OverallPlace = null, string? Venue = null, Championship? Championship = null,
    bool? RecordEligible = null, string? Notes = null, string? Source = null, bool? NewWorldRecord = null,
    Wind? Wind = null, bool? Indoor = null);

public sealed record ResultAnnulled(string ResultId, string Reason, string? Source = null);

public sealed record ClubJoined(string Club, PartialDate Date, string? City = null, string? Source = null);

public sealed record ClubLeft(string Club, PartialDate Date, string? Source = null);

public sealed record HonourAwarded(string Honour, string Occasion, PartialDate Date, string? Source = null);

public enum ResultStatus
{
    Finished,
    Dnf,
    Dns,
    Dq,
}
