using Ledger.Store;
using Microsoft.AspNetCore.Http;
using static Ledger.Http.Web.Html;

namespace Ledger.Http.Web;

/// <summary><c>/?q=&amp;country=&amp;page=</c>: one page of athletes, searched by name and filtered by country.</summary>
public static class IndexPage
{
    public static async Task<IResult> RenderAsync(string? q, string? country, int? page, Queries queries, CancellationToken cancellation)
    {
        var filter = AthleteFilter.Of(country, null, q, page, null);
        var view = await queries.AthletesAsync(filter, cancellation);
        var countries = (await queries.CountriesAsync(cancellation)).Select(c => Option(c, filter.Country));
        var pages = (int)Math.Max(1, (view.Total + view.PageSize - 1) / view.PageSize);

        var rows = view.Athletes.Select(a => H($"""
            <tr><td><a href="/athletes/{a.Athlete}">{a.Name}</a></td><td><a href="/records/{a.Country}">{a.Country}</a></td><td>{Words(a.Sex.ToString().ToLowerInvariant())}</td>
            <td>{(a.Best is null ? "" : $"{a.MainDiscipline} {a.Best}")}</td></tr>
            """));

        return Page("Athletes", H($"""
            <h1>Athletes</h1>
            <form method="get" action="/">
            <label>Name <input type="search" name="q" value="{filter.Search}"></label>
            <label>Country <select name="country"><option value="">All</option>{countries}</select></label>
            <button type="submit">Filter</button>
            </form>
            {(view.Athletes.Count == 0
                ? H($"""<p>No athlete matches.</p>""")
                : Table("athletes", H($"<tr><th>Name</th><th>Country</th><th>Sex</th><th>Best mark</th></tr>"), rows))}
            {Pager(filter, view.Page, pages, view.Total)}
            """));
    }

    /// <summary>Links to the first, previous, next and last pages, keeping the search and the country.</summary>
    private static Markup Pager(AthleteFilter filter, int page, int pages, long total)
    {
        Markup Link(int to, string text) =>
            to == page || to < 1 || to > pages
                ? H($"""<span class="muted">{text}</span>""")
                : H($"""<a href="{Url(filter, to)}" rel="{(to < page ? "prev" : "next")}">{text}</a>""");

        return H($"""
            <nav class="pager" aria-label="pages">
            {Link(1, "« first")} {Link(page - 1, "‹ previous")}
            <span>page {page} of {pages} ({total} athletes)</span>
            {Link(page + 1, "next ›")} {Link(pages, "last »")}
            </nav>
            """);
    }

    private static string Url(AthleteFilter filter, int page) =>
        "/?" + string.Join("&", new[] { ("q", filter.Search), ("country", filter.Country), ("page", page.ToString()) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Q(p.Item2!)}"));
}
