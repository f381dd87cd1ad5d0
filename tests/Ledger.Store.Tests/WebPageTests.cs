using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsvHelper;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>The seed career and an athlete whose name is a script, served as `ledger serve` serves them.</summary>
public sealed class SeededSite : IAsyncLifetime
{
    public const string Mallory = "mallory";
    public const string ScriptName = "<script>alert('owned')</script>";
    public ApiHost Api { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Api.InitializeAsync();
        await Api.Database.Importer.ImportAsync([Repository.Events], new Actor("tester", "seed"));
        var registered = new JsonObject
        {
            ["type"] = "athlete_registered", ["athlete"] = Mallory, ["name"] = ScriptName, ["country"] = "GBR", ["sex"] = "women",
        };
        await Api.Database.ImportAsync("mallory.jsonl", registered.ToJsonString());
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

public sealed partial class WebPageTests(SeededSite site) : IClassFixture<SeededSite>
{
    private const string Profile = "/athletes/bat-ochir-ser-od";

    private async Task<(int Status, string ContentType, string Body)> Get(string url, string? accept = "text/html")
    {
        var result = await site.Api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (accept is not null) s.WithRequestHeader("Accept", accept);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.Context.Response.ContentType ?? "", await result.ReadAsTextAsync());
    }

    private async Task<string> Page(string url)
    {
        var (status, contentType, body) = await Get(url);
        status.ShouldBe(200, body);
        contentType.ShouldStartWith("text/html");
        return body;
    }

    /// <summary>The text of each cell of each body row of the table with that id.</summary>
    private static List<string[]> Rows(string html, string tableId)
    {
        var start = html.IndexOf($"<table id=\"{tableId}\">", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no table '{tableId}'");
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return Row().Matches(body)
            .Select(row => Cell().Matches(row.Value)
                .Select(c => WebUtility.HtmlDecode(Space().Replace(Tag().Replace(c.Groups[1].Value, ""), " ").Trim()))
                .ToArray())
            .ToList();
    }

    [Fact]
    public async Task The_index_lists_each_athlete_with_country_sex_and_best_mark()
    {
        var rows = Rows(await Page("/"), "athletes");

        rows.ShouldContain(r => r[0] == "Bat-Ochir Ser-Od" && r[1] == "MGL" && r[2] == "Men" && r[3] == "marathon 2:08:50");
        rows.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_index_filters_by_name_and_by_country()
    {
        Rows(await Page("/?q=ser-od"), "athletes").Select(r => r[0]).ShouldBe(["Bat-Ochir Ser-Od"]);
        Rows(await Page("/?q=&country=GBR"), "athletes").Select(r => r[0]).ShouldBe([SeededSite.ScriptName]);
        (await Page("/?q=nobody")).ShouldContain("No athlete matches.");
    }

    [Fact]
    public async Task The_profile_shows_his_personal_bests_with_the_national_records_marked()
    {
        var page = await Page(Profile);

        page.ShouldContain("Бат-Очирын Сэр-Од");
        Rows(page, "bests").Select(r => (r[0], r[1])).ShouldBe(
        [
            ("marathon", "2:08:50 NR"), ("half-marathon", "1:02:10 NR"), ("10000m", "29:17.72 NR"), ("5000m", "14:12.86 NR"), ("10km", "30:08"),
        ]);
    }

    [Fact]
    public async Task As_of_the_end_of_2010_the_marathon_best_is_2_12_42_and_later_races_are_gone()
    {
        var page = await Page($"{Profile}?asOf=2010-12-31");

        Rows(page, "bests").Single(r => r[0] == "marathon")[1].ShouldBe("2:12:42 NR");
        // Every result of his first nine seasons, and none after: 30 races, from his debut to Hofu 2010.
        var dates = Rows(page, "results").Select(r => r[0]).ToList();
        dates.Count.ShouldBe(30);
        (dates[0], dates[^1]).ShouldBe(("2002-05-05", "2010-12-19"));
        page.ShouldContain("""value="2010-12-31""");
    }

    [Fact]
    public async Task The_results_show_pb_nr_and_dnf_and_sort_by_mark_with_untimed_races_last()
    {
        var all = Rows(await Page(Profile), "results");
        all.Single(r => r[1] == "Fukuoka Marathon" && r[0] == "2014-12-07")[6].ShouldBe("PB NR");
        all.Single(r => r[0] == "2021-08-08")[5].ShouldBe("DNF");
        all.Single(r => r[0] == "2016-08-21")[6].ShouldBeEmpty();

        var fiveThousands = Rows(await Page($"{Profile}?discipline=5000m&sort=mark"), "results");
        fiveThousands.Select(r => r[5]).ShouldBe(["14:16.48", "14:28.24", "14:47.01", "14:48.33", ""]);
    }

    [Fact]
    public async Task The_profile_draws_a_progression_chart_per_discipline_as_svg()
    {
        var page = await Page(Profile);

        SvgCharts(page).Count.ShouldBe(5);
        SvgCharts(await Page($"{Profile}?discipline=marathon")).ShouldHaveSingleItem().ShouldContain("<svg");
    }

    [Fact]
    public async Task The_profile_lists_clubs_honours_and_championship_counts()
    {
        var page = await Page(Profile);

        page.ShouldContain("Morpeth Harriers, Morpeth: from 2009-04");
        page.ShouldContain("Continental champion, 2013 Asian Marathon Championships");
        Rows(page, "championships").Single(r => r[0] == "Olympic games").ShouldBe(["Olympic games", "6", "6", "5", "1", "0", "0", "0", "51"]);
    }

    [Fact]
    public async Task The_records_page_lists_the_four_mens_records_and_the_marathon_progression_in_order()
    {
        var page = await Page("/records/MGL");

        Rows(page, "records-men").Select(r => (r[0], r[1])).ShouldBe(
            [("marathon", "2:08:50"), ("half-marathon", "1:02:10"), ("10000m", "29:17.72"), ("5000m", "14:12.86")]);
        var marathon = Rows(page, "history-men-marathon");
        marathon.Select(r => r[0]).ShouldBe(["2:14:15", "2:12:42", "2:11:35", "2:11:05", "2:08:50"]);
        marathon.Select(r => r[4]).ShouldBe(["superseded", "superseded", "superseded", "superseded", "standing"]);
        SvgCharts(page).Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_audit_page_lists_every_event_in_append_order_with_version_and_user()
    {
        var rows = Rows(await Page($"{Profile}/audit"), "audit");

        rows.Count.ShouldBe(File.ReadAllLines(Path.Combine(Repository.Events, "bat-ochir-ser-od.jsonl")).Length);
        rows.Select(r => r[0]).ShouldBe(Enumerable.Range(1, rows.Count).Select(v => v.ToString()));
        rows[0][2].ShouldBe("tester");
        rows[0][3].ShouldBe("Athlete registered");
    }

    [Theory]
    [InlineData("/athletes/nobody")]
    [InlineData("/athletes/nobody/audit")]
    [InlineData("/records/XYZ")]
    public async Task An_unknown_athlete_or_country_is_a_404_page(string url)
    {
        var (status, contentType, body) = await Get(url);

        status.ShouldBe(404);
        contentType.ShouldStartWith("text/html");
        body.ShouldContain("<h1>Not found</h1>");
    }

    [Fact]
    public async Task A_malformed_as_of_date_is_a_400_page_saying_why()
    {
        var (status, contentType, body) = await Get($"{Profile}?asOf=yesterday");

        status.ShouldBe(400);
        contentType.ShouldStartWith("text/html");
        body.ShouldContain("date &#x27;yesterday&#x27; is not YYYY-MM-DD");
    }

    [Theory]
    [InlineData("/records/MGL")]
    [InlineData($"{Profile}/audit")]
    public async Task A_shared_path_answers_json_to_every_client_but_a_browser(string url)
    {
        (await Get(url, accept: null)).ContentType.ShouldStartWith("application/json");
        (await Get(url, accept: "application/json")).ContentType.ShouldStartWith("application/json");
        (await Get(url, accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).ContentType.ShouldStartWith("text/html");
    }

    [Theory]
    [InlineData("/", "/athletes?page=1&format=csv")]
    [InlineData(Profile + "?asOf=2010-12-31", "/athletes/bat-ochir-ser-od/pbs?asOf=2010-12-31&format=csv",
        "/athletes/bat-ochir-ser-od/championships?asOf=2010-12-31&format=csv", "/athletes/bat-ochir-ser-od/timeline?asOf=2010-12-31&format=csv")]
    [InlineData("/records/MGL", "/records/MGL?format=csv", "/records/MGL/marathon/history?sex=men&format=csv",
        "/records/MGL/half-marathon/history?sex=men&format=csv", "/records/MGL/10000m/history?sex=men&format=csv",
        "/records/MGL/5000m/history?sex=men&format=csv")]
    [InlineData("/toplists?discipline=marathon&sex=men&year=2014&country=MGL", "/toplists/marathon?sex=men&year=2014&country=MGL&limit=50&format=csv")]
    [InlineData(Profile + "/audit", "/athletes/bat-ochir-ser-od/audit?format=csv")]
    public async Task Each_page_links_to_the_csv_of_its_lists_which_a_browser_following_the_link_gets(string url, params string[] links)
    {
        var linked = CsvLink().Matches(await Page(url)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        linked.ShouldBe(links);
        foreach (var link in linked)
        {
            var (status, contentType, body) = await Get(link, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            (status, contentType).ShouldBe((200, "text/csv; charset=utf-8"), link);
            var (_, _, json) = await Get(link.Replace("format=csv", "format=json"));
            using var csv = CsvReader.FromText(body, CsvReaderOptions.Default with { Separator = ',' });
            var rows = 0;
            while (csv.Read()) rows++;
            rows.ShouldBe(JsonNode.Parse(json)!.AsObject().Single(key => key.Value is JsonArray).Value!.AsArray().Count, link);
        }
    }

    [Fact]
    public async Task A_script_in_a_name_is_shown_as_text_never_run()
    {
        foreach (var url in new[] { "/", $"/athletes/{SeededSite.Mallory}", $"/athletes/{SeededSite.Mallory}/audit" })
        {
            var page = await Page(url);
            page.ShouldNotContain("<script", Case.Insensitive);
            page.ShouldContain("&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;");
        }
    }

    /// <summary>Each chart's SVG, its image source read as a browser reads an attribute (entities decoded).</summary>
    private static List<string> SvgCharts(string html) =>
        ImageSource().Matches(html)
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(source => source.StartsWith(SvgData, StringComparison.Ordinal))
            .Select(source => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(source[SvgData.Length..])))
            .ToList();

    private const string SvgData = "data:image/svg+xml;base64,";

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("<a class=\"csv\" href=\"([^\"]+)\"")]
    private static partial Regex CsvLink();

    [GeneratedRegex("<img [^>]*src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();
}
