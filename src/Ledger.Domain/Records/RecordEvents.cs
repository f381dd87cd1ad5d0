using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Ledger.Domain;

/// <summary>
/// A record of a country: the <see cref="RecordSet"/> of a country's scope, under the name the first ledgers' files gave it.
/// Indoor and outdoor records are kept apart: <paramref name="Indoor"/> is true for an indoor record.
/// </summary>
public sealed record NationalRecordSet(
    Discipline Discipline, Mark Mark, PartialDate Date, [property: JsonConverter(typeof(CountryCode))] string Country, Sex Sex, string? ResultId = null,
    string? Competition = null, string? Source = null, bool? Ratified = null, bool? Indoor = null, RaceKind? Race = null) : ICareerEvent
{
    public RecordSet AsRecord() => new(Country, Discipline, Mark, Date, Sex, Country, ResultId, Competition, Source, Ratified, Indoor, Race);
}

public sealed record NationalRecordRescinded(
    Discipline Discipline, Mark Mark, [property: JsonConverter(typeof(CountryCode))] string Country, Sex Sex, string Reason, string? ResultId = null,
    bool? Indoor = null, RaceKind? Race = null) : ICareerEvent
{
    public RecordRescinded AsRescind() => new(Country, Discipline, Mark, Sex, Reason, ResultId, Indoor, Race);
}

/// <summary>
/// A record of any scope claimed by a mark of the athlete, who was of <paramref name="Country"/>: pending where
/// <paramref name="Ratified"/> is false, until its body ratifies it. <paramref name="Race"/> <c>women_only</c> puts it in
/// the women-only list of a women's road discipline; left out, in the list of any race.
/// </summary>
public sealed record RecordSet(
    [property: Description("Whose record: world, an area (asia), a country (MGL) or championship:SERIES"), JsonConverter(typeof(ScopeCode))]
    string Scope,
    Discipline Discipline, Mark Mark, PartialDate Date, Sex Sex, [property: JsonConverter(typeof(CountryCode))] string Country,
    string? ResultId = null, string? Competition = null, string? Source = null, bool? Ratified = null, bool? Indoor = null,
    RaceKind? Race = null) : ICareerEvent
{
    /// <summary>How a command appends it: a country's under the name its files have always had.</summary>
    public object AsAppended() => RecordScopes.IsCountry(Scope)
        ? new NationalRecordSet(Discipline, Mark, Date, Country, Sex, ResultId, Competition, Source, Ratified, Indoor, Race)
        : this;
}

/// <summary>A record of any scope taken back: the mark is no longer the record, and the one before it stands again.</summary>
public sealed record RecordRescinded(
    [property: Description("Whose record: world, an area (asia), a country (MGL) or championship:SERIES"), JsonConverter(typeof(ScopeCode))]
    string Scope,
    Discipline Discipline, Mark Mark, Sex Sex, string Reason, string? ResultId = null, bool? Indoor = null, RaceKind? Race = null) : ICareerEvent
{
    public object AsAppended() => RecordScopes.IsCountry(Scope)
        ? new NationalRecordRescinded(Discipline, Mark, Scope, Sex, Reason, ResultId, Indoor, Race)
        : this;
}

/// <summary>
/// A pending record ratified by the body that keeps it (a country's federation, World Athletics, an area association):
/// it stands as ratified from then on. It names the record by the result that set it; its discipline, sex and indoor
/// say which record of the scope that is, and a women-only mark is ratified in both of its lists.
/// </summary>
public sealed record RecordRatified(
    [property: Description("Whose record: world, an area (asia), a country (MGL) or championship:SERIES"), JsonConverter(typeof(ScopeCode))]
    string Scope,
    [property: Description("The id of the result that set the record")] string ResultId,
    [property: Description("The day it was ratified (today when a command leaves it out)")] PartialDate? Date = null,
    [property: Description("The record's discipline (a command takes the result's)")] Discipline? Discipline = null,
    [property: Description("The record's sex (a command takes the athlete's)")] Sex? Sex = null,
    [property: Description("An indoor record (a command takes the result's)")] bool? Indoor = null) : ICareerEvent, IRecordVerdict
{
    public RecordRatified CompletedFrom(Career career) => (this with { Scope = RecordScopes.Normalized(Scope) }).Completed(career);

    private RecordRatified Completed(Career career) =>
        career.HeldRecord(ResultId, Scope) is { } held
            ? this with { Discipline = held.Discipline, Sex = held.Sex, Indoor = held.Indoor, Date = Date ?? RecordVerdicts.Today }
            : this;
}

/// <summary>A pending record its body declined to ratify (no doping control, a course found short): the record before it stands again.</summary>
public sealed record RecordNotRatified(
    [property: Description("Whose record: world, an area (asia), a country (MGL) or championship:SERIES"), JsonConverter(typeof(ScopeCode))]
    string Scope,
    [property: Description("The id of the result that claimed the record")] string ResultId,
    [property: Description("Why it was not ratified")] string Reason,
    [property: Description("The day it was declined (today when a command leaves it out)")] PartialDate? Date = null,
    [property: Description("The record's discipline (a command takes the result's)")] Discipline? Discipline = null,
    [property: Description("The record's sex (a command takes the athlete's)")] Sex? Sex = null,
    [property: Description("An indoor record (a command takes the result's)")] bool? Indoor = null) : ICareerEvent, IRecordVerdict
{
    public RecordNotRatified CompletedFrom(Career career) => (this with { Scope = RecordScopes.Normalized(Scope) }).Completed(career);

    private RecordNotRatified Completed(Career career) =>
        career.HeldRecord(ResultId, Scope) is { } held
            ? this with { Discipline = held.Discipline, Sex = held.Sex, Indoor = held.Indoor, Date = Date ?? RecordVerdicts.Today }
            : this;
}

/// <summary>What a record's body said of a claim: which claim, by the result and the scope, and of which record.</summary>
public interface IRecordVerdict
{
    string Scope { get; }
    string ResultId { get; }
    Discipline? Discipline { get; }
    Sex? Sex { get; }
    bool? Indoor { get; }
}

public static class RecordVerdicts
{
    public static PartialDate Today => PartialDate.Of(DateOnly.FromDateTime(DateTime.UtcNow));
}
