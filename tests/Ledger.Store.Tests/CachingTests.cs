using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>HTTP caching as browsers and proxies use it: ETags, 304s, and the server's output cache.</summary>
public sealed class CachingTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;

    public async ValueTask InitializeAsync()
    {
        await api.Database.ResetToAsync(Lines.Registered(), Lines.Result("berlin-2010", "2010-09-26", "2:12:42"),
            Lines.Registered("rival"), Lines.Result("rival-1", "2011-04-17", "2:11:35", athlete: "rival"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(int Status, string? ETag, string? Age, string? CacheControl, string Body)> Get(string url, string? ifNoneMatch = null,
        string accept = "application/json")
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            if (ifNoneMatch is not null) s.WithRequestHeader("If-None-Match", ifNoneMatch);
            s.IgnoreStatusCode();
        });
        var headers = result.Context.Response.Headers;
        return (result.Context.Response.StatusCode, headers.ETag.FirstOrDefault(), headers.Age.FirstOrDefault(), headers.CacheControl.FirstOrDefault(),
            await result.ReadAsTextAsync());
    }

    private async Task AddResult(string athlete, string mark) =>
        await api.Host.Scenario(s =>
        {
            s.Post
                .Text(new JsonObject { ["date"] = "2026-04-12", ["competition"] = $"Race {mark}", ["discipline"] = "marathon", ["mark"] = mark }.ToJsonString())
                .ToUrl($"/athletes/{athlete}/results");
            s.WithRequestHeader("X-Api-Key", ApiHost.Key);
        });

    [Theory]
    [InlineData("/athletes/bat-ochir-ser-od/pbs", "application/json")]
    [InlineData("/athletes/bat-ochir-ser-od?asOf=2011-01-01", "text/html")]
    [InlineData("/records/MGL", "text/html")]
    [InlineData("/athletes?country=MGL", "application/json")]
    public async Task A_read_carries_an_etag_and_answers_304_to_it_until_its_events_change(string url, string accept)
    {
        var first = await Get(url, accept: accept);
        first.Status.ShouldBe(200, first.Body);
        first.ETag.ShouldNotBeNullOrEmpty();
        first.CacheControl.ShouldBe("public, no-cache");

        var again = await Get(url, first.ETag, accept);
        again.Status.ShouldBe(304);
        again.Body.ShouldBeEmpty();
        again.ETag.ShouldBe(first.ETag);

        await AddResult(Athlete, "2:07:59");

        var after = await Get(url, first.ETag, accept);
        after.Status.ShouldBe(200);
        after.ETag.ShouldNotBe(first.ETag);
    }

    [Fact]
    public async Task An_athletes_etag_stays_when_another_athlete_changes_and_a_page_differs_from_its_json()
    {
        var profile = await Get($"/athletes/{Athlete}", accept: "text/html");
        var records = await Get("/records/MGL", accept: "application/json");
        var page = await Get("/records/MGL", accept: "text/html");
        page.ETag.ShouldNotBe(records.ETag);

        await AddResult("rival", "2:30:00");

        (await Get($"/athletes/{Athlete}", profile.ETag, "text/html")).Status.ShouldBe(304);
        (await Get("/records/MGL", records.ETag)).Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_repeated_view_of_an_unchanged_profile_comes_from_the_output_cache_and_a_write_renders_it_again()
    {
        foreach (var url in new[] { $"/athletes/{Athlete}", $"/athletes/{Athlete}?asOf=2010-12-31" })
        {
            var first = await Get(url, accept: "text/html");
            first.Age.ShouldBeNull();
            var repeated = await Get(url, accept: "text/html");
            repeated.Age.ShouldNotBeNull($"{url} was rendered again");
            repeated.Body.ShouldBe(first.Body);
        }

        await AddResult(Athlete, "2:09:00");

        var rendered = await Get($"/athletes/{Athlete}", accept: "text/html");
        rendered.Age.ShouldBeNull();
        rendered.Body.ShouldContain("2:09:00");
    }

    [Fact]
    public async Task An_unknown_athlete_is_404_without_an_etag()
    {
        var missing = await Get("/athletes/nobody/pbs");
        missing.Status.ShouldBe(404);
        missing.ETag.ShouldBeNull();
    }
}
