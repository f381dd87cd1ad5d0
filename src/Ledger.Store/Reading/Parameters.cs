using System.Globalization;

namespace Ledger.Store.Reading;

/// <summary>
/// A read's parameters as readers give them, in a query string or a verb's flags: each refused naming
/// the parameter as the reader wrote it (<c>knownAt</c>, <c>--known-at</c>).
/// </summary>
public static class Parameters
{
    /// <summary>A date, partial or not, as the last day it could be: what had happened by then.</summary>
    public static DateOnly? AsOf(string? text, string name) =>
        text is null ? null
        : PartialDate.TryParse(text, out var date, out var error) ? date.LastDay
        : throw new Refused(name, error);

    public static DateTimeOffset? KnownAt(string? text, string name) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new Refused(name, $"{name} '{text}' is not an ISO 8601 instant like 2026-01-31T12:00:00Z");

    /// <summary>A whole number; a blank value (as an empty form field sends) is none.</summary>
    public static int? Number(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n
        : throw new Refused(name, $"{name} '{text}' is not a whole number");

    /// <summary>Text as given, unless it is not text the ledger can hold (<see cref="FieldRules.IsText"/>: PostgreSQL cannot be asked for a NUL).</summary>
    public static string? Text(string? text, string name) =>
        text is null || FieldRules.IsText(text) ? text : throw new Refused(name, $"{name} {FieldRules.NotText}, which no name or code in the ledger has");

    public static Sex? SexOf(string? text, string name) => text switch
    {
        null => null,
        "men" => Sex.Men,
        "women" => Sex.Women,
        _ => throw new Refused(name, $"{name} '{text}' is not men or women"),
    };

    public static Discipline Discipline(string? text, string name) =>
        Domain.Discipline.TryParse(text, out var discipline, out var error) ? discipline : throw new Refused(name, error);

    /// <summary>A read's parameter, named in snake_case as its answer's keys are, as a query string names it: page_size is pageSize.</summary>
    public static string Query(string name) => string.Concat(name.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>A read's parameter as a verb's flag names it: page_size is --page-size.</summary>
    public static string Flag(string name) => "--" + name.Replace('_', '-');
}
