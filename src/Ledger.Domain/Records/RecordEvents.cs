namespace Ledger.Domain;

/// <summary>Indoor and outdoor records are kept apart: <paramref name="Indoor"/> is true for an indoor record.</summary>
public sealed record NationalRecordSet(
    Discipline Discipline, Mark Mark, PartialDate Date, string Country, Sex Sex, string? ResultId = null,
    string? Competition = null, string? Source = null, bool? Ratified = null, bool? Indoor = null) : ICareerEvent;

public sealed record NationalRecordRescinded(
    Discipline Discipline, Mark Mark, string Country, Sex Sex, string Reason, string? ResultId = null, bool? Indoor = null) : ICareerEvent;
