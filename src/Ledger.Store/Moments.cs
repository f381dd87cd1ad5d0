using Ledger.Domain;

namespace Ledger.Store;

/// <summary>
/// Moments, counts and sexes as readers give them, in a query string or a verb's flags; a refusal
/// names the parameter as the reader wrote it (<c>knownAt</c>, <c>--known-at</c>).
/// </summary>
public static class Moments
{
    public static DateOnly? AsOf(string? text) => text is null ? null : PartialDate.Parse(text).LastDay;

    public static DateTimeOffset? KnownAt(string? text, string name) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new FormatException($"{name} '{text}' is not an ISO 8601 instant like 2026-01-31T12:00:00Z");

    /// <summary>A whole number; a blank value (as an empty form field sends) is none.</summary>
    public static int? Number(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : throw new FormatException($"{name} '{text}' is not a whole number");

    public static Sex? SexOf(string? text, string name) => text switch
    {
        null => null,
        "men" => Sex.Men,
        "women" => Sex.Women,
        _ => throw new FormatException($"{name} '{text}' is not men or women"),
    };
}
