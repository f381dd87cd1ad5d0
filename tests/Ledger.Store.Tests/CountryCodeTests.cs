using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>A country code written in lower case is the code: read so by every reader, stored and answered upper-case.</summary>
public sealed class CountryCodeTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await api.Database.ResetToAsync(Lines.RecordHolder);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(int Status, string ContentType, string Body)> Get(string url, string accept = "application/json")
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.Context.Response.ContentType ?? "", await result.ReadAsTextAsync());
    }

    [Theory]
    [InlineData("/records/{0}")]
    [InlineData("/records/{0}/marathon/history?sex=men")]
    [InlineData("/athletes?country={0}")]
    [InlineData("/toplists/marathon?sex=men&country={0}")]
    public async Task A_read_of_mgl_answers_exactly_as_one_of_MGL(string url)
    {
        var upper = await Get(string.Format(url, "MGL"));

        upper.Status.ShouldBe(200);
        (await Get(string.Format(url, "mgl"))).ShouldBe(upper);
        (await Get(string.Format(url, "Mgl"))).ShouldBe(upper);
    }

    [Fact]
    public async Task The_records_page_of_mgl_is_that_of_MGL()
    {
        var (status, _, page) = await Get("/records/mgl", accept: "text/html");

        status.ShouldBe(200);
        page.ShouldContain("<h1>National records: MGL</h1>");
    }

    [Fact]
    public async Task A_registration_in_lower_case_is_stored_upper_case_and_a_key_of_that_country_may_make_it()
    {
        var key = (await api.Host.Services.GetRequiredService<WriteKeys>().AddAsync("athletics-kenya", ["ken"])).Key;
        var body = new JsonObject { ["name"] = "Ken One", ["country"] = "ken", ["sex"] = "men" }.ToJsonString();

        (await api.PostAsync("/athletes/ken-one", body, key)).Status.ShouldBe(200);

        (await api.Host.Services.GetRequiredService<WriteKeys>().ListAsync()).Keys.Single().Countries.ShouldBe(["KEN"]);
        (await api.Database.Athletes.SummaryAsync("ken-one")).Country.ShouldBe("KEN");
    }

    [Fact]
    public async Task An_event_file_s_lower_case_country_is_stored_upper_case_and_imported_again_is_the_same_fact()
    {
        var lower = await api.Database.ImportAsync("lower.jsonl", Lines.Registered("sprinter", "jam"), Lines.Record("2:12:42", "2010-09-26", "berlin-2010",
            country: "mgl"));
        var upper = await api.Database.ImportAsync("upper.jsonl", Lines.Registered("sprinter", "JAM"));

        (lower.Appended, upper.Appended).ShouldBe((1, 0));
        (await api.Database.Athletes.SummaryAsync("sprinter")).Country.ShouldBe("JAM");
    }
}
