using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>Every list a GET answers, as CSV to a client that asks for it, cached apart from its JSON.</summary>
public sealed class CsvAnswerTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public async ValueTask InitializeAsync() =>
        await api.Database.ResetToAsync([
            .. Lines.RecordHolder, Lines.Registered("sprinter", "JAM"), Sprint("head-wind", "2024-08-01", "Meeting C", "10.01", -0.3),
            Sprint("following-wind", "2024-07-01", "Meeting B", "9.79", 2.4),
        ]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Sprint(string id, string date, string competition, string mark, double wind) =>
        new JsonObject
        {
            ["type"] = "result_recorded", ["athlete"] = "sprinter", ["result_id"] = id, ["date"] = date, ["competition"] = competition,
            ["discipline"] = "100m", ["status"] = "finished", ["mark"] = mark, ["wind"] = wind,
        }.ToJsonString();

    private async Task<(int Status, string ContentType, string? Disposition, string? ETag, string Body)> Get(string url, string accept,
        string? ifNoneMatch = null)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            if (ifNoneMatch is not null) s.WithRequestHeader("If-None-Match", ifNoneMatch);
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        return (response.StatusCode, response.ContentType ?? "", response.Headers.ContentDisposition.FirstOrDefault(), response.Headers.ETag.FirstOrDefault(),
            await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task Accept_text_csv_answers_the_list_as_a_named_csv_file_nested_keys_dotted_and_a_head_wind_kept_from_formulas()
    {
        var pbs = await Get("/athletes/sprinter/pbs", "text/csv");

        (pbs.Status, pbs.ContentType).ShouldBe((200, "text/csv; charset=utf-8"), pbs.Body);
        pbs.Disposition.ShouldBe("attachment; filename=athletes-sprinter-pbs.csv");
        pbs.Body.ShouldBe(
            "discipline,mark,date,competition,result_id,wind,indoor,wind_assisted_best.mark,wind_assisted_best.wind,wind_assisted_best.date," +
            "wind_assisted_best.competition\r\n" +
            "100m,10.01,2024-08-01,Meeting C,head-wind,\"'-0.3\",false,9.79,2.4,2024-07-01,Meeting B\r\n");

        var toplist = await Get("/toplists/marathon?sex=men&country=MGL", "text/csv");
        toplist.Disposition.ShouldBe("attachment; filename=toplists-marathon-men-mgl.csv");
        toplist.Body.Split("\r\n")[0].ShouldBe("rank,mark,athlete,name,country,date,competition,venue,result_id,wind");
    }

    [Fact]
    public async Task Json_stays_the_default_and_format_json_or_csv_wins_over_accept()
    {
        (await Get("/records/MGL", "*/*")).ContentType.ShouldStartWith("application/json");
        (await Get("/records/MGL?format=json", "text/csv")).ContentType.ShouldStartWith("application/json");
        (await Get("/records/MGL?format=csv", "application/json")).ContentType.ShouldBe("text/csv; charset=utf-8");
        // A path a page shares: a browser's link to the CSV gets the CSV, not the page.
        var linked = await Get("/records/MGL?format=csv", Html);
        linked.ContentType.ShouldBe("text/csv; charset=utf-8");
        linked.Body.ShouldStartWith("scope,discipline,sex,mark,athlete,country,date,competition,indoor,status\r\nMGL,marathon,men,2:12:42,");

        var wrong = await Get("/records/MGL?format=xml", "application/json");
        wrong.Status.ShouldBe(400);
        wrong.Body.ShouldContain("format 'xml' is not csv or json");
    }

    [Theory]
    [InlineData("/athletes/bat-ochir-ser-od/timeline")]
    [InlineData("/toplists/marathon?sex=men")]
    public async Task The_csv_and_the_json_of_a_list_have_etags_of_their_own_and_each_answers_304_to_its_own(string url)
    {
        var json = await Get(url, "application/json");
        var csv = await Get(url, "text/csv");
        csv.ETag.ShouldNotBeNullOrEmpty();
        csv.ETag.ShouldNotBe(json.ETag);

        (await Get(url, "text/csv", csv.ETag)).Status.ShouldBe(304);
        (await Get(url, "application/json", json.ETag)).Status.ShouldBe(304);

        var jsonToCsvsTag = await Get(url, "application/json", csv.ETag);
        (jsonToCsvsTag.Status, jsonToCsvsTag.ContentType).ShouldBe((200, "application/json; charset=utf-8"));
        // Answered from the output cache, still each in its own representation.
        var csvToJsonsTag = await Get(url, "text/csv", json.ETag);
        (csvToJsonsTag.Status, csvToJsonsTag.ContentType, csvToJsonsTag.Body).ShouldBe((200, "text/csv; charset=utf-8", csv.Body));
    }
}
