using System.ComponentModel;
using System.Text.RegularExpressions;

namespace Ledger.Domain;

[Description("men or women")]
public enum Sex
{
    Men,
    Women,
}

public static partial class Codes
{
    /// <summary>An athlete's stream key or a result id: lower-case ASCII letters, digits and '-'.</summary>
    public static bool IsSlug(string? text) => text is not null && Slug().IsMatch(text);

    /// <summary>An IOC country code such as MGL, as the ledger keeps it: upper-case.</summary>
    public static bool IsCountry(string? text) => text is not null && UpperCountry().IsMatch(text);

    /// <summary>
    /// A country code as the ledger keeps it, from one written in any case: <c>mgl</c> is MGL. Every reader of a code
    /// (event files, commands, queries, keys) goes through this, so a code is stored and answered alike however it was
    /// written. Anything else is left as written, for its refusal to name.
    /// </summary>
    public static string Country(string text) => CountryInAnyCase().IsMatch(text) ? text.ToUpperInvariant() : text;

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?\z")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^[A-Z]{3}\z")]
    private static partial Regex UpperCountry();

    // ASCII letters only: IgnoreCase would take the Kelvin sign for a K.
    [GeneratedRegex(@"^[A-Za-z]{3}\z")]
    private static partial Regex CountryInAnyCase();
}
