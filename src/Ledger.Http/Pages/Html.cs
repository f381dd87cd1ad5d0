namespace Ledger.Http.Pages;

/// <summary>What the pages write the same way everywhere.</summary>
public static class Html
{
    /// <summary>A query-string value, escaped for the URL (the attribute it goes in encodes it for HTML).</summary>
    public static string Q(string value) => Uri.EscapeDataString(value);

    /// <summary>A path with a query of the values given, each escaped; a value left out (null) is not in it.</summary>
    public static string Url(string path, params IEnumerable<(string Name, string? Value)> query) =>
        string.Join("&", query.Where(p => p.Value is not null).Select(p => $"{p.Name}={Q(p.Value!)}")) is { Length: > 0 } given ? $"{path}?{given}" : path;

    /// <summary>A value of the page's form: an empty field is a value left out.</summary>
    public static string? Given(string? field) => string.IsNullOrEmpty(field) ? null : field;

    /// <summary>Human words for a code: <c>world_championships</c> reads "World championships".</summary>
    public static string Words(string code) =>
        code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');
}
