using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// A federation's athletes, 130 of three countries, listed a page at a time through the query, HTTP,
/// the index page and the command line, all reading the athlete summaries.
/// </summary>
public sealed class AthleteListTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync()
    {
        await Db.ResetAsync();
        await Db.ImportAsync("federation.jsonl", Lines.Federation);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_page_of_one_country_in_slug_order_with_the_total()
    {
        var view = await Db.Athletes.AthletesAsync(AthleteFilter.Of("KEN", null, null, 2, 50));

        view.Total.ShouldBe(70);
        view.Page.ShouldBe(2);
        view.Athletes.Select(a => a.Athlete).ShouldBe(Enumerable.Range(50, 20).Select(i => $"runner-{i:D3}"));
        view.Athletes.ShouldAllBe(a => a.Country == "KEN");
    }

    [Fact]
    public async Task Filters_by_sex_and_searches_names_in_any_case()
    {
        (await Db.Athletes.AthletesAsync(AthleteFilter.Of("KEN", Domain.Sex.Women, null, null, null))).Total.ShouldBe(30);
        var found = await Db.Athletes.AthletesAsync(AthleteFilter.Of(null, null, "rUNNER 12", null, null));
        found.Athletes.Select(a => a.Name).ShouldBe(Enumerable.Range(120, 10).Select(i => $"Runner {i}"));
    }

    [Theory]
    [InlineData(0, null, "page")]
    [InlineData(null, 1001, "page_size")]
    [InlineData(null, 0, "page_size")]
    [InlineData(2147485, 1000, "page")]
    [InlineData(int.MaxValue, null, "page")]
    public void A_page_or_page_size_out_of_range_is_refused_by_name(int? page, int? pageSize, string named)
    {
        Should.Throw<Refused>(() => AthleteFilter.Of(null, null, null, page, pageSize)).Problems.ShouldHaveSingleItem().Field.ShouldBe(named);
    }

    [Fact]
    public async Task Over_http_a_page_past_the_last_there_could_be_is_400_naming_page()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/athletes?page=2147485&pageSize=1000");
            s.StatusCodeShouldBe(400);
        });

        var problem = JsonNode.Parse(await result.ReadAsTextAsync())!;
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["page"]);
        problem["errors"]!["page"]![0]!.GetValue<string>().ShouldBe("page 2147485 is out of range: from 1 to 2147484 for pages of 1000");
    }

    [Theory]
    [InlineData("/athletes?q=bat%00", "q")]
    [InlineData("/athletes?country=KEN%00", "country")]
    public async Task Over_http_a_search_or_country_holding_a_nul_is_400_naming_it(string url, string parameter)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(400);
        });

        JsonNode.Parse(await result.ReadAsTextAsync())!["errors"]!.AsObject().Select(e => e.Key).ShouldBe([parameter]);
    }

    [Theory]
    [InlineData("/?page=2147483647")]
    [InlineData("/?q=%00")]
    public async Task The_index_page_refuses_a_page_or_search_it_cannot_show_with_the_error_page(string url)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", "text/html");
            s.StatusCodeShouldBe(400);
        });

        (await result.ReadAsTextAsync()).ShouldContain("<title>Bad Request · Ledger</title>");
    }

    [Fact]
    public async Task Over_http_a_page_answers_the_contracts_shape()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/athletes?country=ETH&sex=men&page=2&pageSize=15"));
        var body = JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();

        body.Select(p => p.Key).ShouldBe(["athletes", "page", "page_size", "total"], ignoreOrder: true);
        body["total"]!.GetValue<int>().ShouldBe(40);
        body["page"]!.GetValue<int>().ShouldBe(2);
        body["page_size"]!.GetValue<int>().ShouldBe(15);
        var athletes = body["athletes"]!.AsArray();
        athletes.Count.ShouldBe(15);
        athletes[0]!.AsObject().Select(p => p.Key).ShouldBe(["athlete", "name", "country", "sex"], ignoreOrder: true);
        athletes[0]!["athlete"]!.GetValue<string>().ShouldBe("runner-085");
    }

    [Fact]
    public async Task Over_http_a_page_size_too_large_is_400_naming_it()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/athletes?pageSize=5000");
            s.StatusCodeShouldBe(400);
        });
        (await result.ReadAsTextAsync()).ShouldContain("pageSize");
    }

    [Fact]
    public async Task The_index_page_shows_one_page_and_links_to_the_next_keeping_the_filter()
    {
        var first = await Page("/");
        first.ShouldContain("page 1 of 2 (130 athletes)");
        first.ShouldContain("""href="/?page=2" rel="next">next""");

        var second = await Page("/?page=2");
        second.ShouldContain("Runner 129");
        second.ShouldContain("marathon 2:10:00");
        second.ShouldNotContain("Runner 099<");

        var kenyans = await Page("/?country=KEN&q=runner");
        kenyans.ShouldContain("page 1 of 1 (70 athletes)");
        kenyans.ShouldContain("<option selected>KEN</option>");
    }

    [Fact]
    public async Task A_correction_and_an_annulment_through_commands_outline_the_summary_again()
    {
        await Write("/athletes/runner-001/results", """{"date":"2025-04-13","competition":"Paris Marathon","discipline":"marathon","mark":"2:07:30"}""");
        (await Db.Athletes.SummaryAsync("runner-001")).Best.ShouldBe(Domain.Mark.Parse("2:07:30"));

        await Write("/athletes/runner-001/results/2025-04-13-paris-marathon-marathon/corrections", """{"reason":"timing","mark":"2:08:30"}""");
        var corrected = await Db.Athletes.SummaryAsync("runner-001");
        corrected.Best.ShouldBe(Domain.Mark.Parse("2:08:30"));
        corrected.Results.ShouldBe(2);

        await Write("/athletes/runner-001/results/2025-04-13-paris-marathon-marathon/annulment", """{"reason":"wrong athlete"}""");
        var annulled = await Db.Athletes.SummaryAsync("runner-001");
        annulled.Best.ShouldBe(Domain.Mark.Parse("2:10:00"));
        annulled.Results.ShouldBe(1);
        annulled.LastResult.ShouldBe(Domain.PartialDate.Parse("2024-04-21"));
    }

    private async Task Write(string url, string body) =>
        await api.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl(url);
            s.WithRequestHeader("X-Api-Key", ApiHost.Key);
        });

    private async Task<string> Page(string url)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", "text/html");
        });
        return await result.ReadAsTextAsync();
    }
}
