using Ledger.Domain;
using Ledger.Store;
using Microsoft.AspNetCore.Http;
using ScottPlot;
using static Ledger.Http.Web.Html;

namespace Ledger.Http.Web;

/// <summary><c>/records/{country}</c>: the standing national records, and how each one came to stand.</summary>
public static class RecordsPage
{
    public static async Task<IResult> RenderAsync(string country, Queries queries, CancellationToken cancellation)
    {
        var records = (await queries.RecordsAsync(country, cancellation: cancellation)).Records;

        var histories = new Dictionary<RecordView, IReadOnlyList<ProgressionView>>();
        foreach (var record in records)
            histories[record] = (await queries.RecordHistoryAsync(country, record.Discipline, record.Sex, indoor: record.Indoor, cancellation: cancellation)).Progression;
        var names = await queries.NamesAsync(histories.Values.SelectMany(h => h.Select(p => p.Athlete)), cancellation);

        var sections = new List<Markup>();
        foreach (var sex in records.GroupBy(r => r.Sex))
        {
            sections.Add(H($"""
                <h2>{Words(Id(sex.Key))}</h2>
                {Table($"records-{Id(sex.Key)}",
                    H($"<tr><th>Discipline</th><th>Mark</th><th>Athlete</th><th>Date</th><th>Competition</th><th></th></tr>"),
                    sex.Select(r => H($"""<tr><td><a href="#{Anchor(r)}">{r.Discipline}{(r.Indoor ? " (indoor)" : "")}</a></td><td>{r.Mark}</td><td>{Athlete(r.Athlete, names)}</td><td>{r.Date}</td><td class="wrap">{r.Competition}</td><td><a href="/toplists?discipline={Q(r.Discipline.Code)}&sex={Id(sex.Key)}&country={country}{(r.Indoor ? "&indoor=true" : "")}">all-time list</a></td></tr>""")))}
                """));
            sections.AddRange(sex.Select(record => History(record, histories[record], names)));
        }

        return Page($"National records: {country}", H($"""
            <h1>National records: {country}</h1>
            {(records.Count == 0 ? H($"<p>The ledger holds no national record of {country} yet.</p>") : default)}
            {sections}
            """));
    }

    private static Markup History(RecordView record, IReadOnlyList<ProgressionView> history, IReadOnlyDictionary<string, string> names)
    {
        var id = Anchor(record);
        IReadOnlyList<(PartialDate, Mark)> Points(Func<ProgressionView, bool> which) => history.Where(which).Select(p => (p.Date, p.Mark)).ToList();

        return H($"""
            <h3 id="{id}">{Words(Id(record.Sex))}'s {record.Discipline}{(record.Indoor ? " (indoor)" : "")}</h3>
            {Charts.Progression($"{record.Discipline}: the record over time, better higher", record.Discipline,
                new Charts.Series("record", Points(p => p.Status != RecordStatus.Rescinded), Charts.Bests, MarkerShape.FilledCircle, Joined: true),
                new Charts.Series("rescinded", Points(p => p.Status == RecordStatus.Rescinded), Charts.Records, MarkerShape.Eks))}
            {Table($"history-{id}",
                H($"<tr><th>Mark</th><th>Athlete</th><th>Date</th><th>Competition</th><th>Status</th><th>Recorded at (UTC)</th><th>Rescinded</th></tr>"),
                history.Select(p => H($"""<tr><td>{p.Mark}</td><td>{Athlete(p.Athlete, names)}</td><td>{p.Date}</td><td class="wrap">{p.Competition}</td><td>{Status(p.Status)}</td><td>{Utc(p.RecordedAt)}</td><td class="wrap">{(p.RescindedAt is { } at ? $"{Utc(at)}: {p.RescindReason}" : "")}</td></tr>""")))}
            """);
    }

    private static Markup Athlete(string slug, IReadOnlyDictionary<string, string> names) =>
        H($"""<a href="/athletes/{slug}">{names.GetValueOrDefault(slug, slug)}</a>""");

    private static Markup Status(RecordStatus status) => status switch
    {
        RecordStatus.Standing => H($"""<span class="tag">standing</span>"""),
        RecordStatus.Rescinded => H($"""<span class="tag nr">rescinded</span>"""),
        _ => H($"""<span class="tag out">superseded</span>"""),
    };

    private static string Id(Sex sex) => sex.ToString().ToLowerInvariant();

    private static string Anchor(RecordView record) => $"{Id(record.Sex)}-{record.Discipline}{(record.Indoor ? "-indoor" : "")}";

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss");
}
