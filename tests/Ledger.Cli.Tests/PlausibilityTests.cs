using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>Implausible input refused alike by the command line and the HTTP API, naming the field, with nothing appended.</summary>
public sealed class PlausibilityTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private static readonly string NextYear = $"{DateTime.UtcNow.Year + 1}-01-01";

    public async ValueTask InitializeAsync()
    {
        await api.Database.ResetToAsync(Lines.Registered(), Lines.Result("berlin-2010", "2010-09-26", "2:12:42"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<int> AuditCountAsync() => (await api.Database.Audit.AuditAsync(Lines.Athlete)).Events.Count;

    private async Task<(int Status, JsonObject Body)> PostResult(JsonObject body)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Text(body.ToJsonString()).ToUrl($"/athletes/{Lines.Athlete}/results");
            s.WithRequestHeader("X-Api-Key", ApiHost.Key);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject());
    }

    [Fact]
    public async Task A_result_in_the_future_or_faster_than_the_world_record_is_refused_by_the_cli_and_over_http()
    {
        var future = await Cli.RunAsync(api.Database.ConnectionString, "add-result", Lines.Athlete, "--date", NextYear, "--competition", "Future Marathon",
            "--discipline", "marathon", "--mark", "2:10:00", "--json");
        (future.Exit, future.Out).ShouldBe((2, ""));
        future.Err.ShouldContain($"field 'date': date {NextYear} is after today");

        var typo = await Cli.RunAsync(api.Database.ConnectionString, "add-result", Lines.Athlete, "--date", "2025-05-04", "--competition", "Track Night",
            "--discipline", "5000m", "--mark", "1:12.86", "--json");
        typo.Exit.ShouldBe(2);
        typo.Err.ShouldContain("field 'mark': mark 1:12.86 is faster than the men's 5000m world record, 12:35.36");

        var (status, problem) = await PostResult(new JsonObject
        {
            ["date"] = "2025-04-21", ["competition"] = "London Marathon", ["discipline"] = "marathon", ["mark"] = "0:00:01",
        });
        status.ShouldBe(400);
        problem["errors"]!["mark"]![0]!.GetValue<string>().ShouldContain("world record, 1:59:30");

        (await AuditCountAsync()).ShouldBe(2);
        (await api.Database.Records.RecordsAsync("MGL")).Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_bad_result_is_refused_naming_the_same_fields_through_the_cli_and_over_http()
    {
        var cli = await Cli.RunAsync(api.Database.ConnectionString, "add-result", Lines.Athlete, "--date", "2026-02-30", "--discipline", "marathon",
            "--mark", "fast", "--place", "first", "--status", "won", "--wind", "calm", "--json");
        (cli.Exit, cli.Out).ShouldBe((2, ""));
        var onTheCommandLine = Regex.Matches(cli.Err, "^refused: field '([^']+)'", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order().ToList();

        var (status, problem) = await PostResult(new JsonObject
        {
            ["date"] = "2026-02-30", ["discipline"] = "marathon", ["mark"] = "fast", ["place"] = "first", ["status"] = "won", ["wind"] = "calm",
        });
        status.ShouldBe(400);
        var overHttp = problem["errors"]!.AsObject().Select(e => e.Key).Order().ToList();

        onTheCommandLine.ShouldBe(overHttp, cli.Err);
        onTheCommandLine.ShouldBe(["competition", "date", "mark", "place", "status", "wind"], "every wrong field, named at once");
        (await AuditCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_new_world_record_said_so_is_appended_and_the_event_keeps_the_acknowledgement()
    {
        var (status, answer) = await PostResult(new JsonObject
        {
            ["date"] = "2025-10-12", ["competition"] = "Chicago Marathon", ["discipline"] = "marathon", ["mark"] = "2:00:10", ["new_world_record"] = true,
        });
        status.ShouldBe(200, answer.ToJsonString());

        var audit = await api.Database.Audit.AuditAsync(Lines.Athlete);
        audit.Events.Select(e => e.Event).OfType<ResultRecorded>().Single(r => r.Mark == Mark.Parse("2:00:10")).NewWorldRecord.ShouldBe(true);
    }

    [Theory]
    [InlineData("/records/ZZZ", "records", "ZZZ")]
    [InlineData("/records/ZZZ/marathon/history", "record-history", "ZZZ", "marathon")]
    [InlineData("/toplists/marathon?sex=men&country=ZZZ", "toplist", "marathon", "--sex", "men", "--country", "ZZZ")]
    public async Task A_country_no_athlete_has_is_not_found_naming_it_not_an_empty_answer(string url, params string[] verb)
    {
        var refused = await Cli.RunAsync(api.Database.ConnectionString, [.. verb, "--json"]);
        (refused.Exit, refused.Out).ShouldBe((2, ""));
        refused.Err.ShouldContain("no athlete of country 'ZZZ' in the ledger");

        await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(404);
            s.ContentShouldContain("no athlete of country 'ZZZ'");
        });
        (await Cli.RunAsync(api.Database.ConnectionString, [.. verb.Select(v => v == "ZZZ" ? "MGL" : v), "--json"]))
            .Exit.ShouldBe(0, "a country the ledger knows answers, records or none");
    }
}
