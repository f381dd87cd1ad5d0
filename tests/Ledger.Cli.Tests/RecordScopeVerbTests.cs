using System.Text.Json.Nodes;
using Shouldly;
using static Ledger.Tests.MarathonRecords;

namespace Ledger.Cli.Tests;

/// <summary>
/// The men's marathon world record as a record keeper enters it through the real command line, on a fresh ledger, in any order:
/// its progression, the African and the Olympic ones that follow from the same results, and a ratification and a refusal.
/// </summary>
public sealed class RecordScopeVerbTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await db.ResetAsync();
        await db.ImportAsync("athletes.jsonl", Registrations(Men));
        foreach (var race in Men)
        {
            var added = await Ledger([.. race.Verb(), "--json"]);
            added.Exit.ShouldBe(0, added.Err);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<Cli.Outcome> Ledger(params string[] args) => Cli.RunAsync(db.ConnectionString, args);

    private async Task<JsonArray> Progression(params string[] args)
    {
        var history = await Ledger(["record-history", .. args, "--json"]);
        history.Exit.ShouldBe(0, history.Err);
        return history.Json["progression"]!.AsArray();
    }

    private static string[] Records(JsonArray progression) =>
        progression.Where(p => (string)p!["status"]! is "standing" or "superseded").Select(p => $"{p!["athlete"]} {p["mark"]}").ToArray();

    /// <summary>One test, as every verb is a process of its own: the sixteen results are added once.</summary>
    [Fact]
    public async Task The_world_africa_and_olympic_records_follow_from_the_results_and_a_ratification_and_a_refusal_read_as_known_before_each()
    {
        var world = await Progression("world", "marathon", "--sex", "men");
        Records(world).ShouldBe(MenWorldRecord);
        world.ShouldAllBe(p => p!["ratified"]!.GetValue<bool>() == false && p["equalled"]!.GetValue<bool>() == false);
        world.Select(p => (string)p!["athlete"]!).ShouldNotContain("emmanuel-mutai");

        Records(await Progression("africa", "marathon")).ShouldBe(MenWorldRecord.Skip(1));
        Records(await Progression("championship:olympic_games", "marathon")).ShouldBe(["samuel-wanjiru 2:06:32", "tamirat-tola 2:06:26"]);

        var pending = await Ledger("records", "world", "--sex", "men");
        pending.Out.ShouldContain("2:00:35*");
        var beforeRatifying = DateTimeOffset.UtcNow.ToString("O");

        var ratified = await Ledger("ratify-record", "eliud-kipchoge", "2022-berlin-marathon", "--scope", "world", "--json");
        ratified.Exit.ShouldBe(0, ratified.Err);
        ratified.Json.ToJsonString().ShouldBe("""{"result_id":"2022-berlin-marathon","scope":"world","status":"ratified"}""");
        var beforeRejecting = DateTimeOffset.UtcNow.ToString("O");
        var rejected = await Ledger("reject-record", "kelvin-kiptum", "2023-chicago-marathon", "--scope", "world", "--reason", "a drill", "--json");
        rejected.Exit.ShouldBe(0, rejected.Err);
        rejected.Json["status"]!.GetValue<string>().ShouldBe("not_ratified");

        async Task<JsonNode> Standing(params string[] more) =>
            (await Ledger(["records", "world", "--sex", "men", "--json", .. more])).Json["records"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)(await Standing("--known-at", beforeRatifying))["mark"]!, (string)(await Standing("--known-at", beforeRatifying))["status"]!)
            .ShouldBe(("2:00:35", "pending"));
        ((string)(await Standing("--known-at", beforeRejecting))["mark"]!).ShouldBe("2:00:35");
        var now = await Standing();
        ((string)now["mark"]!, (string)now["status"]!, (string)now["athlete"]!, (string)now["country"]!)
            .ShouldBe(("2:01:09", "ratified", "eliud-kipchoge", "KEN"));

        var history = await Progression("world", "marathon");
        var kiptum = history.Single(p => (string)p!["athlete"]! == "kelvin-kiptum")!;
        ((string)kiptum["status"]!, (string)kiptum["rescind_reason"]!).ShouldBe(("not_ratified", "a drill"));
        var before = await Progression("world", "marathon", "--known-at", beforeRejecting);
        ((string)before.Single(p => (string)p!["athlete"]! == "kelvin-kiptum")!["status"]!).ShouldBe("standing");

        var wrongScope = await Ledger("ratify-record", "eliud-kipchoge", "2022-berlin-marathon", "--scope", "europe");
        wrongScope.Exit.ShouldBe(2);
        wrongScope.Err.ShouldContain("holds no europe record");
    }
}
