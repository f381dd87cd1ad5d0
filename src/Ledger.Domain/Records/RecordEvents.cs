using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ledger.Domain;

/// <summary>Indoor and outdoor records are kept apart: <paramref name="Indoor"/> is true for an indoor record.</summary>
public sealed record NationalRecordSet(
    Discipline Discipline, Mark Mark, PartialDate Date, [property: JsonConverter(typeof(CountryCode))] string Country, Sex Sex, string? ResultId = null,
    string? Competition = null, string? Source = null, bool? Ratified = null, bool? Indoor = null) : ICareerEvent;

public sealed record NationalRecordRescinded(
    Discipline Discipline, Mark Mark, [property: JsonConverter(typeof(CountryCode))] string Country, Sex Sex, string Reason, string? ResultId = null,
    bool? Indoor = null) : ICareerEvent;

/// <summary>
/// A pending record ratified by the body that keeps it (a country's federation, for a national record): it stands as
/// ratified from then on. It names the record by the result that set it; its discipline, sex and indoor say which
/// record of the scope that is.
/// </summary>
public sealed record RecordRatified(
    [property: Description("Whose record: a country's IOC code, e.g. MGL"), JsonConverter(typeof(CountryCode))] string Scope,
    [property: Description("The id of the result that set the record")] string ResultId,
    [property: Description("The day it was ratified (today when a command leaves it out)")] PartialDate? Date = null,
    [property: Description("The record's discipline (a command takes the result's)")] Discipline? Discipline = null,
    [property: Description("The record's sex (a command takes the athlete's)")] Sex? Sex = null,
    [property: Description("An indoor record (a command takes the result's)")] bool? Indoor = null) : ICareerEvent
{
    /// <summary>The ratification as a command appends it: which record it is, from the one the result holds, and dated today unless it says.</summary>
    public RecordRatified CompletedFrom(Career career) =>
        career.NationalRecords.LastOrDefault(r => r.ResultId == ResultId && r.Country == Scope) is { } held
            ? this with
            {
                Discipline = held.Discipline, Sex = held.Sex, Indoor = held.Indoor, Date = Date ?? PartialDate.Of(DateOnly.FromDateTime(DateTime.UtcNow)),
            }
            : this;
}
