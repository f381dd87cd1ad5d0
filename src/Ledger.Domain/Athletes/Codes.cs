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

    /// <summary>An IOC country code such as MGL.</summary>
    public static bool IsCountry(string? text) => text is not null && Country().IsMatch(text);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Country();
}
