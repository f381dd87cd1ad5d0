using System.Text.Json.Nodes;
using Ledger.Domain;
using Ledger.Store;
using Microsoft.AspNetCore.Http;
using ScottPlot;
using static Ledger.Http.Web.Html;

namespace Ledger.Http.Web;

/// <summary>
/// <c>/athletes/{slug}</c>: the career as of a date (<c>?asOf=</c>, as the API's), its results
/// filtered by discipline (<c>?discipline=</c>) and sorted by date or mark (<c>?sort=</c>).
/// </summary>
public static class ProfilePage
{
    private sealed record Race(JsonObject Fact, PartialDate Date, Discipline Discipline, Mark? Mark, bool Pb, bool Nr);

    public static async Task<IResult> RenderAsync(string slug, string? asOf, string? discipline, string? sort, Queries queries, CancellationToken cancellation)
    {
        var day = string.IsNullOrEmpty(asOf) ? null : Moments.AsOf(asOf);
        var registered = await queries.RegistrationAsync(slug, cancellation);
        var bests = (await queries.PersonalBestsAsync(slug, day, cancellation: cancellation)).Bests;
        var championships = (await queries.ChampionshipsAsync(slug, day, cancellation: cancellation)).Championships;
        var timeline = (await queries.TimelineAsync(slug, day, cancellation: cancellation)).Events;

        var records = Facts(timeline, "national_record_set").ToList();
        var races = await RacesAsync(slug, timeline, records, queries, cancellation);
        var disciplines = races.Select(r => r.Discipline).Distinct().OrderBy(d => d.Rank).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        var shown = races.Where(r => string.IsNullOrEmpty(discipline) || r.Discipline.Code == discipline);
        shown = sort == "mark" ? shown.OrderBy(r => r.Mark is null).ThenBy(r => r.Mark).ThenBy(r => r.Date) : shown;

        return Page(Text(registered, "name")!, H($"""
            {Header(registered, timeline)}
            <form method="get" id="as-of">
            <label>As of <input type="date" name="asOf" value="{day?.ToString("yyyy-MM-dd")}"></label>
            {Hidden("discipline", discipline)}{Hidden("sort", sort)}
            <button type="submit">Show</button>
            {(day is null ? default : H($"""<a href="/athletes/{slug}">today</a>"""))}
            </form>
            {(day is null ? default : H($"""<p class="asof">The career as the ledger tells it up to <strong>{day.Value.ToString("d MMMM yyyy")}</strong>.</p>"""))}

            <h2>Personal bests</h2>
            {(bests.Count == 0 ? H($"<p>No marks yet.</p>") : Table("bests",
                H($"<tr><th>Discipline</th><th>Mark</th><th>Date</th><th>Competition</th></tr>"),
                bests.Select(b => H($"""<tr><td>{b.Discipline}</td><td>{b.Mark} {(records.Any(r => Text(r, "discipline") == b.Discipline.Code && Text(r, "mark") == b.Mark.ToString()) ? Tag("NR", "nr") : default)}</td><td>{b.Date}</td><td class="wrap">{b.Competition}</td></tr>"""))))}

            <h2>Progression</h2>
            {disciplines.Where(d => string.IsNullOrEmpty(discipline) || d.Code == discipline).Select(d => Chart(d, races))}

            <h2>Championships</h2>
            {(championships.Count == 0 ? H($"<p>None yet.</p>") : Table("championships",
                H($"<tr><th>Championship</th><th>Editions</th><th>Starts</th><th>Finishes</th><th>DNF</th><th>Gold</th><th>Silver</th><th>Bronze</th><th>Best place</th></tr>"),
                championships.Select(c => H($"<tr><td>{Words(c.Championship.Code)}</td><td>{c.Editions}</td><td>{c.Starts}</td><td>{c.Finishes}</td><td>{c.Dnf}</td><td>{c.Gold}</td><td>{c.Silver}</td><td>{c.Bronze}</td><td>{c.BestPlace}</td></tr>"))))}

            <h2>Results</h2>
            <form method="get" id="filter">
            <label>Discipline <select name="discipline"><option value="">All</option>{disciplines.Select(d => Option(d.Code, discipline))}</select></label>
            <label>Sort by <select name="sort">{Option("date", sort)}{Option("mark", sort)}</select></label>
            {Hidden("asOf", day?.ToString("yyyy-MM-dd"))}
            <button type="submit">Show</button>
            </form>
            {Table("results",
                H($"<tr><th>Date</th><th>Competition</th><th>Venue</th><th>Discipline</th><th>Place</th><th>Mark</th><th></th></tr>"),
                shown.Select(r => H($"""<tr><td>{r.Date}</td><td class="wrap">{Text(r.Fact, "competition")}</td><td>{Text(r.Fact, "venue")}</td><td>{r.Discipline}</td><td>{Place(r.Fact)}</td><td>{MarkOf(r)}</td><td>{(r.Pb ? Tag("PB") : default)} {(r.Nr ? Tag("NR", "nr") : default)}</td></tr>""")))}
            <p class="muted"><a href="/athletes/{slug}/audit">Every event of this career, as appended</a></p>
            """));
    }

    private static async Task<List<Race>> RacesAsync(string slug, IReadOnlyList<JsonObject> timeline, List<JsonObject> records, Queries queries, CancellationToken cancellation)
    {
        var facts = Facts(timeline, "result_recorded").ToList();
        var marked = facts.Where(f => f["mark"] is not null).Select(f => PartialDate.Parse(Text(f, "date")!).LastDay);
        // A result is a PB when it was the personal best on its own day: the API's ?asOf= answer for that day.
        var bestsOn = new Dictionary<DateOnly, IReadOnlyList<BestView>>();
        foreach (var day in marked.Distinct())
            bestsOn[day] = (await queries.PersonalBestsAsync(slug, day, cancellation: cancellation)).Bests;

        return facts.Select(f =>
        {
            var date = PartialDate.Parse(Text(f, "date")!);
            var id = Text(f, "result_id");
            Mark? mark = f["mark"] is null ? null : Mark.Parse(Text(f, "mark")!);
            return new Race(f, date, Discipline.Parse(Text(f, "discipline")!), mark,
                Pb: mark is not null && bestsOn[date.LastDay].Any(b => b.ResultId == id),
                Nr: records.Any(r => Text(r, "result_id") == id));
        }).ToList();
    }

    private static Markup Header(JsonObject registered, IReadOnlyList<JsonObject> timeline)
    {
        var joined = Facts(timeline, "club_joined");
        var left = Facts(timeline, "club_left").ToList();
        var clubs = joined.Select(j =>
        {
            var until = left.FirstOrDefault(l => Text(l, "club") == Text(j, "club") && PartialDate.Parse(Text(l, "date")!).CompareTo(PartialDate.Parse(Text(j, "date")!)) >= 0);
            return H($"""<li>{Text(j, "club")}{(j["city"] is null ? "" : $", {Text(j, "city")}")}: from {Text(j, "date")}{(until is null ? "" : $" until {Text(until, "date")}")}</li>""");
        }).ToList();
        var honours = Facts(timeline, "honour_awarded")
            .Select(h => H($"""<li>{Text(h, "date")}: {Words(Text(h, "honour")!)}, {Text(h, "occasion")}</li>""")).ToList();
        var country = Text(registered, "country")!;

        return H($"""
            <h1>{Text(registered, "name")}{(registered["native_name"] is null ? default : H($""" <span class="muted">({Text(registered, "native_name")})</span>"""))}</h1>
            <p><a href="/records/{country}">{country}</a> · {Words(Text(registered, "sex")!)}{(registered["born"] is null ? "" : $" · born {Text(registered, "born")}")}{(registered["birthplace"] is null ? "" : $", {Text(registered, "birthplace")}")}</p>
            {(clubs.Count == 0 ? default : H($"<h3>Clubs</h3><ul>{clubs}</ul>"))}
            {(honours.Count == 0 ? default : H($"<h3>Honours</h3><ul>{honours}</ul>"))}
            """);
    }

    private static Markup Chart(Discipline discipline, IReadOnlyList<Race> races)
    {
        var marked = races.Where(r => r.Discipline == discipline && r.Mark is not null).ToList();
        if (marked.Count == 0) return default;
        IReadOnlyList<(PartialDate, Mark)> Points(Func<Race, bool> which) => marked.Where(which).Select(r => (r.Date, r.Mark!.Value)).ToList();
        return Charts.Progression($"{discipline}: marks over time, faster higher",
            new Charts.Series("result", Points(_ => true), Charts.Results, MarkerShape.FilledCircle),
            new Charts.Series("personal best", Points(r => r.Pb), Charts.Bests, MarkerShape.FilledCircle, Joined: true),
            // A ring around the dot: a national record is a personal best too.
            new Charts.Series("national record", Points(r => r.Nr), Charts.Records, MarkerShape.OpenCircle, Size: 17));
    }

    private static IEnumerable<JsonObject> Facts(IEnumerable<JsonObject> timeline, string type) => timeline.Where(e => Text(e, "type") == type);

    private static string? Text(JsonObject fact, string key) => fact[key]?.ToString();

    private static string? Place(JsonObject fact) =>
        fact["overall_place"] is null ? Text(fact, "place") : $"{Text(fact, "place")} ({Text(fact, "overall_place")} overall)";

    private static Markup MarkOf(Race race) => Text(race.Fact, "status") is "finished"
        ? H($"{race.Mark}")
        : Tag(Text(race.Fact, "status")!.ToUpperInvariant(), "out");

    private static Markup Tag(string text, string kind = "") => H($"""<span class="tag {kind}">{text}</span>""");

    private static Markup Hidden(string name, string? value) =>
        string.IsNullOrEmpty(value) ? default : H($"""<input type="hidden" name="{name}" value="{value}">""");
}
