using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ledger.Domain;

// The facts of an athlete's career: one stream per athlete, keyed by the athlete's slug.
// Business time is each event's own date; when the ledger learned a fact is the store's business.
// A field's description says what it holds to the command line's help and the API's description alike.

/// <summary>A fact of an athlete's career, appended to the athlete's stream: the event files, Marten and the rules know it by this.</summary>
public interface ICareerEvent;

public sealed record AthleteRegistered(
    string Name, [property: Description("IOC code, e.g. MGL"), JsonConverter(typeof(CountryCode))] string Country, Sex Sex, PartialDate? Born = null,
    string? Birthplace = null, string? NativeName = null, string? Nickname = null, string? Source = null) : ICareerEvent;

/// <summary>
/// A result. <paramref name="Wind"/> is the reading of a wind-measured discipline (none indoors);
/// <paramref name="Indoor"/> is true for a mark set indoors, which stands apart from outdoor marks.
/// </summary>
public sealed record ResultRecorded(
    [property: Description("The result's id (made from date, competition and discipline when left out)")] string ResultId,
    PartialDate Date, string Competition, Discipline Discipline,
    [property: Description("finished (the default), dnf, dns or dq")] ResultStatus Status,
    Mark? Mark = null, [property: Description("The place in the championship or category that counts")] int? Place = null,
    int? OverallPlace = null, string? Venue = null, Championship? Championship = null,
    [property: Description("Whether the mark can stand as a record (not after an aided course, say); true when left out"), DefaultValue(true)]
    bool? RecordEligible = null,
    string? Notes = null, string? Source = null,
    [property: Description("The mark is better than the world record, and that is so: a new world record")] bool? NewWorldRecord = null,
    Wind? Wind = null, [property: Description("The result was made indoors")] bool? Indoor = null,
    [property: Description("The discipline is none of the catalogue's but the federation's own, and that is so")] bool? NewDiscipline = null,
    [property: Description("mixed (the default) or women_only: a women-only race, whose marks also stand in the women-only road records"),
               Switch("women-only", "women_only")]
    RaceKind? Race = null) : ICareerEvent
{
    /// <summary>
    /// The mark this result could stand as a record with: finished, marked, record-eligible and
    /// wind-legal (a method, so it is never stored).
    /// </summary>
    public Mark? EligibleMark() =>
        Status == ResultStatus.Finished && RecordEligible != false && Conditions.AllowRecord(Discipline, Wind, Indoor) ? Mark : null;
}

/// <summary>A best known from a list, with no race attached.</summary>
public sealed record BestMarkReported(
    Discipline Discipline, Mark Mark, PartialDate Date, bool? NationalRecord = null, string? Source = null, bool? NewWorldRecord = null,
    Wind? Wind = null, bool? Indoor = null) : ICareerEvent
{
    /// <summary>The mark, if it could stand as a record: wind-legal (a method, so it is never stored).</summary>
    public Mark? EligibleMark() => Conditions.AllowRecord(Discipline, Wind, Indoor) ? Mark : null;
}

/// <summary>Changes the fields it carries of an earlier result; the others stay as they were.</summary>
public sealed record ResultCorrected(
    [property: Description("The id of the result to correct")] string ResultId, string Reason, PartialDate? Date = null, string? Competition = null,
    Discipline? Discipline = null, ResultStatus? Status = null, Mark? Mark = null, int? Place = null,
    int? OverallPlace = null, string? Venue = null, Championship? Championship = null,
    [property: Description("Whether the mark can stand as a record (not after an aided course, say); true when left out"), DefaultValue(true)]
    bool? RecordEligible = null,
    string? Notes = null, string? Source = null,
    [property: Description("The corrected mark is better than the world record, and that is so")] bool? NewWorldRecord = null,
    Wind? Wind = null, [property: Description("The result was made indoors")] bool? Indoor = null,
    [property: Description("mixed or women_only: the race was of women only")] RaceKind? Race = null) : ICareerEvent;

public sealed record ResultAnnulled(
    [property: Description("The id of the result to annul")] string ResultId, string Reason, string? Source = null) : ICareerEvent;

public sealed record ClubJoined([property: Description("The club")] string Club, PartialDate Date, string? City = null, string? Source = null) : ICareerEvent;

public sealed record ClubLeft([property: Description("The club")] string Club, PartialDate Date, string? Source = null) : ICareerEvent;

public sealed record HonourAwarded(
    [property: Description("e.g. flag_bearer, continental_champion")] string Honour, string Occasion, PartialDate Date, string? Source = null) : ICareerEvent;

/// <summary>Who ran the race: since 2011 World Athletics keeps women's road records of any race and of women-only races apart.</summary>
public enum RaceKind
{
    Mixed,
    WomenOnly,
}

public enum ResultStatus
{
    Finished,
    Dnf,
    Dns,
    Dq,
}
