using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>Write keys scoped to federations: made and revoked with the command line, honoured by the HTTP API.</summary>
public sealed class WriteKeyTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await api.Database.ResetToAsync(Lines.Registered(), Lines.Result("berlin-2010", "2010-09-26", "2:12:42"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<Cli.Outcome> Keys(params string[] args) => Cli.RunAsync(api.Database.ConnectionString, ["keys", .. args]);

    private async Task<(int Status, string Body)> Post(string url, JsonObject body, string key, string? user = null)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Text(body.ToJsonString()).ToUrl(url);
            s.WithRequestHeader("X-Api-Key", key);
            if (user is not null) s.WithRequestHeader("X-User", user);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    private static JsonObject Marathon(string mark) =>
        new() { ["date"] = "2025-04-21", ["competition"] = "London Marathon", ["discipline"] = "marathon", ["mark"] = mark };

    [Fact]
    public async Task A_kenyan_key_writes_kenyans_only_under_its_name_until_it_is_revoked()
    {
        var added = await Keys("add", "athletics-kenya", "--countries", "ken", "--json");
        added.Exit.ShouldBe(0, added.Err);
        added.Json.Select(p => p.Key).ShouldBe(["name", "key", "countries"]);
        added.Json["countries"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["KEN"]);
        var key = added.Json["key"]!.GetValue<string>();

        (await Post("/athletes/ken-one", new JsonObject { ["name"] = "Ken One", ["country"] = "KEN", ["sex"] = "men" }, key)).Status.ShouldBe(200);
        (await Post("/athletes/ken-one/results", Marathon("2:06:00"), key, user: "jane")).Status.ShouldBe(200);
        var audit = await api.Database.Audit.AuditAsync("ken-one");
        // The registration, then the result and the records it claimed (world, africa, KEN).
        audit.Events.Select(e => e.User).ShouldBe(["athletics-kenya", .. Enumerable.Repeat("athletics-kenya/jane", 4)]);

        var (status, problem) = await Post($"/athletes/{Lines.Athlete}/results", Marathon("2:07:00"), key);
        status.ShouldBe(403);
        problem.ShouldContain($"'{Lines.Athlete}' is of MGL");
        (await Post("/athletes/mgl-two", new JsonObject { ["name"] = "Two", ["country"] = "MGL", ["sex"] = "men" }, key)).Status.ShouldBe(403);
        (await api.Database.Audit.AuditAsync(Lines.Athlete)).Events.Count.ShouldBe(2);

        var list = await Keys("list", "--json");
        list.Out.ShouldNotContain(key);
        var listed = list.Json["keys"]!.AsArray().Single()!.AsObject();
        listed.Select(p => p.Key).ShouldBe(["name", "countries", "created", "last_used"]);
        listed["last_used"].ShouldNotBeNull();

        (await Keys("revoke", "athletics-kenya", "--json")).Exit.ShouldBe(0);
        (await Post("/athletes/ken-one/results", Marathon("2:05:00"), key)).Status.ShouldBe(401);
    }

    [Fact]
    public async Task A_key_for_every_country_writes_any_athlete_and_a_key_needs_its_scope_said()
    {
        var all = (await Keys("add", "statistician", "--all", "--json")).Json;
        all["countries"].ShouldBeNull();
        (await Post($"/athletes/{Lines.Athlete}/results", Marathon("2:07:00"), all["key"]!.GetValue<string>())).Status.ShouldBe(200);

        foreach (var args in new[]
                 {
                     new[] { "add", "vague" }, ["add", "both", "--all", "--countries", "KEN"], ["add", "statistician", "--all"], ["revoke", "nobody"],
                     ["add", "bad", "--countries", "KENYA"],
                 })
        {
            var refused = await Keys([.. args, "--json"]);
            (refused.Exit, refused.Out).ShouldBe((2, ""), string.Join(" ", args));
            refused.Err.ShouldStartWith("refused: ");
        }
    }
}
