using System.Text.Json.Nodes;
using Ledger.Store.Keys;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>POST /results/imports: a results sheet as the body, under the key rules of every write.</summary>
public sealed class ResultImportTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private string ken = "";

    public async ValueTask InitializeAsync()
    {
        await api.Database.ResetToAsync(Lines.Registered(), Lines.Registered("ken-one", country: "KEN"));
        ken = (await api.Host.Services.GetRequiredService<WriteKeys>().AddAsync("ken", ["KEN"])).Key;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private const string Header = "athlete,name,country,sex,date,competition,discipline,mark\n";

    private async Task<(int Status, JsonObject Body)> Post(string sheet, string key, string type = "text/csv", bool dryRun = false)
    {
        var result = await api.Host.Scenario(s =>
        {
            var post = s.Post.Text(sheet).ToUrl("/results/imports");
            if (dryRun) post.QueryString("dryRun", "true");
            s.WithRequestHeader("Content-Type", type);
            s.WithRequestHeader("X-Api-Key", key);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject());
    }

    private async Task<long> Athletes() => (await api.Database.Athletes.AthletesAsync()).Total;

    /// <summary>
    /// Where no record stands, a row must beat every eligible mark known by its day: the ledger's own, read once per list, and the
    /// rows' before it, in date order whatever the order of the sheet.
    /// </summary>
    [Fact]
    public async Task Rows_claim_records_only_beyond_every_mark_known_by_their_day_the_ledgers_and_the_sheets()
    {
        await api.Database.ImportAsync("known.jsonl", Lines.Result("fast-2019", "2019-04-07", "2:04:00", athlete: "ken-one"));

        var (status, answer) = await Post(Header +
            ",Eth Best,ETH,men,2022-03-06,Tokyo Marathon,marathon,2:03:50\n" +
            ",Eth First,ETH,men,2021-03-07,Lake Biwa Marathon,marathon,2:04:30\n", ApiHost.Key);

        status.ShouldBe(200, answer.ToJsonString());
        // 2021: no record stands, and Kenya's 2:04:00 of 2019 is better: Ethiopia's record only. 2022: better than both.
        answer["records"]!.ToJsonString().ShouldBe("""{"world":1,"africa":1,"ETH":2}""");
        (await api.Database.Records.RecordHistoryAsync("world", Discipline.Parse("marathon"), Sex.Men)).Progression.Select(p => p.Mark.ToString())
            .ShouldBe(["2:03:50"]);
    }

    [Fact]
    public async Task A_federations_key_imports_its_own_athletes_new_and_known_and_answers_as_the_cli()
    {
        var (status, answer) = await Post(Header + "ken-one,,,,2024-04-15,Boston Marathon,marathon,2:08:00\n" +
                                          ",Ken Two,KEN,women,2024-04-15,Boston Marathon,marathon,2:22:00\n", ken);

        status.ShouldBe(200, answer.ToJsonString());
        answer.ToJsonString().ShouldBe("""
            {"appended":2,"skipped":0,"athletes_registered":1,"personal_bests":2,"records":{"world":2,"africa":2,"KEN":2},"results_by_athlete":{"ken-one":1,"ken-two":1}}
            """);
        (await Athletes()).ShouldBe(3);
    }

    [Fact]
    public async Task A_dry_run_answers_what_would_be_appended_and_appends_nothing()
    {
        var (status, answer) = await Post(Header + "ken-one,,,,2024-04-15,Boston Marathon,marathon,2:08:00\n", ken, dryRun: true);

        status.ShouldBe(200);
        answer["appended"]!.GetValue<int>().ShouldBe(1);
        (await api.Database.Audit.AuditAsync("ken-one")).Events.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_row_of_another_federations_athlete_is_403_and_nothing_is_appended()
    {
        var (status, answer) = await Post(Header + "ken-one,,,,2024-04-15,Boston Marathon,marathon,2:08:00\n" +
                                          "bat-ochir-ser-od,,,,2024-04-15,Boston Marathon,marathon,2:12:00\n", ken);

        status.ShouldBe(403);
        answer["detail"]!.GetValue<string>().ShouldContain("'bat-ochir-ser-od' is of MGL");
        (await api.Database.Audit.AuditAsync("ken-one")).Events.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_cell_is_400_naming_the_row_and_column()
    {
        var (status, answer) = await Post(Header + "ken-one,,,,2024-04-15,Boston Marathon,marathon,2:61:00\n", ApiHost.Key);

        status.ShouldBe(400);
        answer["errors"]!["mark"]!.ToJsonString().ShouldContain("2:61:00");
        answer.ToJsonString().ShouldNotContain("/tmp");
    }

    [Fact]
    public async Task A_body_of_another_kind_is_400_naming_the_content_type_and_one_too_large_is_413()
    {
        (await Post(Header, ApiHost.Key, type: "application/json")).Status.ShouldBe(400);
        (await Post(new string('x', (int)Ledger.Http.ImportExport.ResultImportEndpoints.MaxSheetBytes + 1), ApiHost.Key)).Status.ShouldBe(413);
    }
}
