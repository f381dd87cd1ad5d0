using Ledger.Domain;
using Ledger.Store;
using Microsoft.AspNetCore.Http;
using ScottPlot;
using static Ledger.Http.Web.Html;

namespace Ledger.Http.Web;

/// <summary>
/// <c>/athletes/{slug}</c>: the career as of a date (<c>?asOf=</c>, as the API's), its results
/// filtered by discipline (<c>?discipline=</c>) and sorted by date or mark (<c>?sort=</c>), all from
/// one read of the career.
/// </summary>
public static class ProfilePage
{
    public static async Task<IResult> RenderAsync(string slug, string? asOf, string? discipline, string? sort, Queries queries, CancellationToken cancellation)
    {
        var day = string.IsNullOrEmpty(asOf) ? null : Moments.AsOf(asOf);
        var profile = await queries.ProfileAsync(slug, day, cancellation);
        var races = profile.Races;
        var disciplines = races.Select(r => r.Result.Discipline).Distinct().OrderBy(d => d.Rank).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        var shown = races.Where(r => string.IsNullOrEmpty(discipline) || r.Result.Discipline.Code == discipline);
        shown = sort == "mark" ? shown.OrderBy(r => r.Result.Mark is null).ThenBy(r => r.Result.Mark).ThenBy(r => r.Result.Date) : shown;

        return Page(profile.Athlete.Name, H($"""
            {Header(profile)}
            <form method="get" id="as-of">
            <label>As of <input type="date" name="asOf" value="{day?.ToString("yyyy-MM-dd")}"></label>
            {Hidden("discipline", discipline)}{Hidden("sort", sort)}
            <button type="submit">Show</button>
            {(day is null ? default : H($"""<a href="/athletes/{slug}">today</a>"""))}
            </form>
            {(day is null ? default : H($"""<p class="asof">The career as the ledger tells it up to <strong>{day.Value.ToString("d MMMM yyyy")}</strong>.</p>"""))}

            <h2>Personal bests</h2>
            {(profile.Bests.Count == 0 ? H($"<p>No marks yet.</p>") : Table("bests",
                H($"<tr><th>Discipline</th><th>Mark</th><th>Date</th><th>Competition</th></tr>"),
                profile.Bests.Select(b => H($"""<tr><td>{b.Discipline}</td><td>{b.Mark} {(profile.NationalRecords.Any(r => r.Discipline == b.Discipline && r.Mark == b.Mark) ? Tag("NR", "nr") : default)}</td><td>{b.Date}</td><td class="wrap">{b.Competition}</td></tr>"""))))}

            <h2>Progression</h2>
            {disciplines.Where(d => string.IsNullOrEmpty(discipline) || d.Code == discipline).Select(d => Chart(d, races))}

            <h2>Championships</h2>
            {(profile.Championships.Count == 0 ? H($"<p>None yet.</p>") : Table("championships",
                H($"<tr><th>Championship</th><th>Editions</th><th>Starts</th><th>Finishes</th><th>DNF</th><th>Gold</th><th>Silver</th><th>Bronze</th><th>Best place</th></tr>"),
                profile.Championships.Select(c => H($"<tr><td>{Words(c.Championship.Code)}</td><td>{c.Editions}</td><td>{c.Starts}</td><td>{c.Finishes}</td><td>{c.Dnf}</td><td>{c.Gold}</td><td>{c.Silver}</td><td>{c.Bronze}</td><td>{c.BestPlace}</td></tr>"))))}

            <h2>Results</h2>
            <form method="get" id="filter">
            <label>Discipline <select name="discipline"><option value="">All</option>{disciplines.Select(d => Option(d.Code, discipline))}</select></label>
            <label>Sort by <select name="sort">{Option("date", sort)}{Option("mark", sort)}</select></label>
            {Hidden("asOf", day?.ToString("yyyy-MM-dd"))}
            <button type="submit">Show</button>
            </form>
            {Table("results",
                H($"<tr><th>Date</th><th>Competition</th><th>Venue</th><th>Discipline</th><th>Place</th><th>Mark</th><th></th></tr>"),
                shown.Select(r => H($"""<tr><td>{r.Result.Date}</td><td class="wrap">{r.Result.Competition}</td><td>{r.Result.Venue}</td><td>{r.Result.Discipline}</td><td>{Place(r.Result)}</td><td>{MarkOf(r.Result)}</td><td>{(r.PersonalBest ? Tag("PB") : default)} {(r.NationalRecord ? Tag("NR", "nr") : default)}</td></tr>""")))}
            <p class="muted"><a href="/athletes/{slug}/audit">Every event of this career, as appended</a></p>
            """));
    }

    private static Markup Header(Profile profile)
    {
        var athlete = profile.Athlete;
        var clubs = profile.ClubsJoined.Select(joined =>
        {
            var until = profile.ClubsLeft.FirstOrDefault(left => left.Club == joined.Club && left.Date.CompareTo(joined.Date) >= 0);
            return H($"""<li>{joined.Club}{(joined.City is null ? "" : $", {joined.City}")}: from {joined.Date}{(until is null ? "" : $" until {until.Date}")}</li>""");
        }).ToList();
        var honours = profile.Honours.Select(h => H($"""<li>{h.Date}: {Words(h.Honour)}, {h.Occasion}</li>""")).ToList();

        return H($"""
            <h1>{athlete.Name}{(athlete.NativeName is null ? default : H($""" <span class="muted">({athlete.NativeName})</span>"""))}</h1>
            <p><a href="/records/{athlete.Country}">{athlete.Country}</a> · {Words(athlete.Sex.ToString().ToLowerInvariant())}{(athlete.Born is null ? "" : $" · born {athlete.Born}")}{(athlete.Birthplace is null ? "" : $", {athlete.Birthplace}")}</p>
            {(clubs.Count == 0 ? default : H($"<h3>Clubs</h3><ul>{clubs}</ul>"))}
            {(honours.Count == 0 ? default : H($"<h3>Honours</h3><ul>{honours}</ul>"))}
            """);
    }

    private static Markup Chart(Discipline discipline, IReadOnlyList<Race> races)
    {
        var marked = races.Where(r => r.Result.Discipline == discipline && r.Result.Mark is not null).ToList();
        if (marked.Count == 0) return default;
        IReadOnlyList<(PartialDate, Mark)> Points(Func<Race, bool> which) => marked.Where(which).Select(r => (r.Result.Date, r.Result.Mark!.Value)).ToList();
        return Charts.Progression($"{discipline}: marks over time, faster higher",
            new Charts.Series("result", Points(_ => true), Charts.Results, MarkerShape.FilledCircle),
            new Charts.Series("personal best", Points(r => r.PersonalBest), Charts.Bests, MarkerShape.FilledCircle, Joined: true),
            // A ring around the dot: a national record is a personal best too.
            new Charts.Series("national record", Points(r => r.NationalRecord), Charts.Records, MarkerShape.OpenCircle, Size: 17));
    }

    private static string? Place(ResultRecorded result) =>
        result.OverallPlace is null ? result.Place?.ToString() : $"{result.Place} ({result.OverallPlace} overall)";

    private static Markup MarkOf(ResultRecorded result) => result.Status is ResultStatus.Finished
        ? H($"{result.Mark}")
        : Tag(result.Status.ToString().ToUpperInvariant(), "out");

    private static Markup Tag(string text, string kind = "") => H($"""<span class="tag {kind}">{text}</span>""");

    private static Markup Hidden(string name, string? value) =>
        string.IsNullOrEmpty(value) ? default : H($"""<input type="hidden" name="{name}" value="{value}">""");
}
