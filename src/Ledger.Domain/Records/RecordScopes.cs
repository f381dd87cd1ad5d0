using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledger.Domain;

/// <summary>
/// Whose records a list holds: <c>world</c>; an area association's (<c>africa</c>, <c>asia</c>, <c>europe</c>, <c>nacac</c>,
/// <c>oceania</c>, <c>south-america</c>); a country's, by its IOC code (<c>MGL</c>); or a championship series'
/// (<c>championship:olympic_games</c>). A scope is kept as text, countries upper-case and the others lower-case.
/// </summary>
public static class RecordScopes
{
    public const string World = "world";
    public const string ChampionshipPrefix = "championship:";

    public static readonly IReadOnlyList<string> Areas = ["africa", "asia", "europe", "nacac", "oceania", "south-america"];

    /// <summary>A scope as the ledger keeps it, from one written in any case; anything else as written, for its refusal to name.</summary>
    public static string Normalized(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower == World || Areas.Contains(lower) || lower.StartsWith(ChampionshipPrefix) ? lower : Codes.Country(text);
    }

    public static bool IsCountry(string scope) => Codes.IsCountry(scope);

    /// <summary>What is wrong with a scope, if anything.</summary>
    public static string? ProblemWith(string scope) => scope switch
    {
        World => null,
        _ when Areas.Contains(scope) => null,
        _ when scope.StartsWith(ChampionshipPrefix) =>
            Championship.TryParse(scope[ChampionshipPrefix.Length..], out _, out var error) ? null : $"scope '{scope}': {error}",
        // A country no athlete has is the reads' to say (404); an event names a known one (FieldRules).
        _ when Codes.IsCountry(scope) => null,
        _ => $"scope '{scope}' is none of world, {string.Join(", ", Areas)}, a country's IOC code (MGL) or championship:SERIES",
    };

    /// <summary>
    /// The scopes a result of an athlete of <paramref name="country"/> can set records in: the world, the country's area
    /// (a neutral team has none), the country, and the championship series it was run in.
    /// </summary>
    public static IEnumerable<string> Of(string country, Championship? championship)
    {
        yield return World;
        if (Countries.AreaOf(country) is { } area) yield return area;
        yield return country;
        if (championship is { } series) yield return ChampionshipPrefix + series.Code;
    }

    /// <summary>A list of a scope's records as a heading names it: World records, Area records: asia, National records: MGL.</summary>
    public static string Title(string scope) =>
        scope == World ? "World records"
        : Areas.Contains(scope) ? $"Area records: {scope}"
        : scope.StartsWith(ChampionshipPrefix) ? $"Championship records: {scope[ChampionshipPrefix.Length..]}"
        : $"National records: {scope}";

    /// <summary>The order lists print scopes in: the world, areas, countries, championships.</summary>
    public static int Rank(string scope) =>
        scope == World ? 0 : Areas.Contains(scope) ? 1 : scope.StartsWith(ChampionshipPrefix) ? 3 : 2;

    /// <summary>The countries whose athletes' marks count in a scope; none for a scope of every country (the world, a championship).</summary>
    public static IReadOnlyList<string>? CountriesOf(string scope) =>
        Areas.Contains(scope) ? Countries.All.Where(c => c.Area == scope).Select(c => c.Code).ToList()
        : IsCountry(scope) ? [scope]
        : null;
}

/// <summary>An event's scope, read in any case and kept as <see cref="RecordScopes.Normalized"/> gives it.</summary>
public sealed class ScopeCode : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? RecordScopes.Normalized(reader.GetString()!)
            : throw new JsonException("a scope must be a string, like world, asia, MGL or championship:olympic_games");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
