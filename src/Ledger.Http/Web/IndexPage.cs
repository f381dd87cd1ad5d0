using Ledger.Store;
using Microsoft.AspNetCore.Http;
using static Ledger.Http.Web.Html;

namespace Ledger.Http.Web;

/// <summary><c>/</c>: every athlete, filtered by name and country.</summary>
public static class IndexPage
{
    public static async Task<IResult> RenderAsync(string? q, string? country, Queries queries, CancellationToken cancellation)
    {
        var athletes = (await queries.AthletesAsync(cancellation)).Athletes;
        var shown = athletes
            .Where(a => string.IsNullOrWhiteSpace(q) || a.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(a => string.IsNullOrEmpty(country) || a.Country == country)
            .ToList();

        var rows = new List<Markup>();
        foreach (var a in shown)
        {
            // The bests come in the ledger's order of disciplines (marathon first): the first is the one to show.
            var best = (await queries.PersonalBestsAsync(a.Athlete, cancellation: cancellation)).Bests.FirstOrDefault();
            rows.Add(H($"""
                <tr><td><a href="/athletes/{a.Athlete}">{a.Name}</a></td><td><a href="/records/{a.Country}">{a.Country}</a></td><td>{Words(a.Sex.ToString().ToLowerInvariant())}</td>
                <td>{(best is null ? "" : $"{best.Discipline} {best.Mark}")}</td></tr>
                """));
        }

        var countries = athletes.Select(a => a.Country).Distinct().Order(StringComparer.Ordinal)
            .Select(c => Option(c, country));

        return Page("Athletes", H($"""
            <h1>Athletes</h1>
            <form method="get" action="/">
            <label>Name <input type="search" name="q" value="{q}"></label>
            <label>Country <select name="country"><option value="">All</option>{countries}</select></label>
            <button type="submit">Filter</button>
            </form>
            {(rows.Count == 0
                ? H($"""<p>No athlete matches.</p>""")
                : Table("athletes", H($"<tr><th>Name</th><th>Country</th><th>Sex</th><th>Best mark</th></tr>"), rows))}
            """));
    }
}
