using System.Text.Json;

namespace Ledger.Domain;

/// <summary>
/// The countries an athlete can be of, kept as data in <c>countries.json</c> beside this file: the IOC codes of
/// World Athletics' 214 member federations, of countries that are no more (URS, GDR: a history goes back before
/// them), and of the neutral and refugee teams (AIN, ART). A code of the right shape that is none of them (XYZ)
/// is a typo, refused where an athlete is registered.
/// </summary>
public static class Countries
{
    /// <param name="Kind"><c>former</c> for a country that is no more, <c>neutral</c> for a team of no country; none for a member.</param>
    /// <param name="Area">
    /// A member's area association, whose area records its marks may set: <c>africa</c>, <c>asia</c>, <c>europe</c>, <c>nacac</c>,
    /// <c>oceania</c> or <c>south-america</c> (Panama is South America's; Aruba NACAC's).
    /// </param>
    public sealed record Country(string Code, string Name, string? Kind = null, string? Area = null);

    public static IReadOnlyList<Country> All { get; } = Load();

    private static readonly HashSet<string> Codes = All.Select(c => c.Code).ToHashSet();

    public static bool Known(string code) => Codes.Contains(code);

    /// <summary>The area association of a member country; none for a former country or a neutral team.</summary>
    public static string? AreaOf(string code) => Areas.GetValueOrDefault(code);

    private static readonly Dictionary<string, string> Areas = All.Where(c => c.Area is not null).ToDictionary(c => c.Code, c => c.Area!);

    private static List<Country> Load()
    {
        using var data = typeof(Countries).Assembly.GetManifestResourceStream("Ledger.Domain.countries.json")!;
        return JsonSerializer.Deserialize<List<Country>>(data, EventFormat.Options)!;
    }
}
