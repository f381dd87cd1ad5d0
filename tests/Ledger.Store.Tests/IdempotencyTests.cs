using System.Text.Json.Nodes;
using Ledger.Store.Keys;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>An Idempotency-Key belongs to its sender and to one request, as two federations sharing a server need.</summary>
public sealed class IdempotencyTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Mongolian = Lines.Athlete, Kenyan = "ken-one";
    private string mgl = "", ken = "";

    public async ValueTask InitializeAsync()
    {
        await api.Database.ResetToAsync([.. Lines.RecordHolder, Lines.Registered(Kenyan, country: "KEN")]);
        var keys = api.Host.Services.GetRequiredService<WriteKeys>();
        mgl = (await keys.AddAsync("mgl", ["MGL"])).Key;
        ken = (await keys.AddAsync("ken", ["KEN"])).Key;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Race(string competition, string mark) =>
        new JsonObject { ["date"] = "2026-04-12", ["competition"] = competition, ["discipline"] = "marathon", ["mark"] = mark }.ToJsonString();

    private async Task<(int Status, JsonObject Body, string? Replayed)> Post(string athlete, string body, string key, string idempotencyKey)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl($"/athletes/{athlete}/results");
            s.WithRequestHeader("X-Api-Key", key);
            s.WithRequestHeader("Idempotency-Key", idempotencyKey);
            s.IgnoreStatusCode();
        });
        var replayed = result.Context.Response.Headers["Idempotent-Replayed"].FirstOrDefault();
        return (result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject(), replayed);
    }

    private async Task<IReadOnlyList<string>> Results(string athlete) =>
        (await api.Database.Audit.AuditAsync(athlete)).Events.Select(e => e.Event).OfType<ResultRecorded>().Select(r => r.ResultId).ToList();

    [Fact]
    public async Task Two_federations_with_the_same_key_each_store_their_own_result_and_get_their_own_answer()
    {
        var mongolian = await Post(Mongolian, Race("Rotterdam Marathon", "2:11:00"), mgl, "1");
        var kenyan = await Post(Kenyan, Race("Boston Marathon", "2:08:00"), ken, "1");

        (mongolian.Status, kenyan.Status).ShouldBe((200, 200));
        mongolian.Body["result_id"]!.GetValue<string>().ShouldBe("2026-04-12-rotterdam-marathon-marathon");
        kenyan.Body["result_id"]!.GetValue<string>().ShouldBe("2026-04-12-boston-marathon-marathon");
        (mongolian.Replayed, kenyan.Replayed).ShouldBe((null, null));
        (await Results(Mongolian)).ShouldContain("2026-04-12-rotterdam-marathon-marathon");
        (await Results(Kenyan)).ShouldBe(["2026-04-12-boston-marathon-marathon"]);
    }

    [Fact]
    public async Task The_same_request_again_is_answered_as_before_and_marked_as_replayed()
    {
        var first = await Post(Mongolian, Race("Rotterdam Marathon", "2:11:00"), mgl, "1");
        var stored = await Results(Mongolian);

        var again = await Post(Mongolian, Race("Rotterdam Marathon", "2:11:00"), mgl, "1");

        again.Status.ShouldBe(200);
        again.Body.ToJsonString().ShouldBe(first.Body.ToJsonString());
        again.Replayed.ShouldBe("true");
        (await Results(Mongolian)).ShouldBe(stored);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_422_naming_the_key_and_appends_nothing()
    {
        await Post(Mongolian, Race("Rotterdam Marathon", "2:11:00"), mgl, "1");
        var stored = await Results(Mongolian);

        var other = await Post(Mongolian, Race("Seoul Marathon", "2:10:00"), mgl, "1");

        other.Status.ShouldBe(422);
        other.Body["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["Idempotency-Key"]);
        (await Results(Mongolian)).ShouldBe(stored);
    }
}
