using System.Text.Json.Serialization;

namespace Ledger.Store.Athletes;

// The answers of the read verbs, shaped as the contract's JSON (snake_case through EventFormat's
// conventions). The CLI prints them as tables or JSON; the HTTP API returns them as they are.

/// <summary>An athlete in a list: who, and the best mark of their main discipline (for pages, not in the JSON).</summary>
public sealed record AthleteEntry(
    string Athlete, string Name, string Country, Sex Sex,
    [property: JsonIgnore] Discipline? MainDiscipline = null, [property: JsonIgnore] Mark? Best = null);

public sealed record AthletesView(IReadOnlyList<AthleteEntry> Athletes, int Page, int PageSize, long Total)
{
    /// <summary>How many pages the matching athletes fill (at least one, empty or not).</summary>
    [JsonIgnore]
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
