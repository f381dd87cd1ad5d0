using System.Text.Json.Nodes;
using Shouldly;
using static Ledger.Tests.MarathonRecords;

namespace Ledger.Store.Tests;

/// <summary>
/// Records of every scope, decided by commands through the bus: the world's, an area's, a country's and a championship's,
/// claimed pending ratification, ratified or declined, equalled, one per race, and women's road records of any race and
/// of women-only races; results entered in any order.
/// </summary>
public sealed class RecordScopeTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private static readonly Discipline Marathon = Discipline.Parse("marathon");
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync()
    {
        await Db.ResetAsync();
        await Db.ImportAsync("athletes.jsonl", Registrations([.. Men, .. Women]));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<ResultAnswer> Add(RecordRace race) =>
        api.SendAsync(new RecordResult(race.Athlete, CommandInput.Read<ResultRecorded>(race.Athlete, (JsonObject)JsonNode.Parse(
            System.Text.Json.JsonSerializer.Serialize(race.Fields().Where(f => f.Value is not null).ToDictionary()))!), "tester"));

    private async Task<IReadOnlyList<ProgressionView>> History(string scope, Sex sex = Sex.Men, bool womenOnly = false, DateTimeOffset? knownAt = null) =>
        (await Db.Records.RecordHistoryAsync(scope, Marathon, sex, knownAt, womenOnly: womenOnly)).Progression;

    private async Task<Career> CareerOf(string athlete)
    {
        await using var session = Db.Store.QuerySession();
        return (await session.Events.AggregateStreamAsync<Career>(athlete))!;
    }

    private static string[] Records(IEnumerable<ProgressionView> history) =>
        history.Where(p => p.Status is RecordStatus.Standing or RecordStatus.Superseded).Select(p => Shown(p.Athlete, p.Mark)).ToArray();

    private async Task AddAll(IEnumerable<RecordRace> races)
    {
        foreach (var race in races) await Add(race);
    }

    [Fact]
    public async Task The_mens_world_record_progression_follows_from_its_races_entered_in_any_order()
    {
        var answers = new Dictionary<string, ResultAnswer>();
        foreach (var race in Men) answers[$"{race.Athlete} {race.Mark}"] = await Add(race);

        var world = await History("world");
        Records(world).ShouldBe(MenWorldRecord);
        world.ShouldAllBe(p => !p.Ratified && !p.Equalled, "a record claimed by a command waits for its body");
        world[^1].Status.ShouldBe(RecordStatus.Standing);
        answers["emmanuel-mutai 2:03:13"].Records.ShouldBe(["world", "africa", "KEN"], "entered before Kimetto, it was the record for a while");
        answers["dennis-kimetto 2:02:57"].Records.ShouldBe(["world", "africa", "KEN"]);
        answers["kenenisa-bekele 2:01:41"].Records.ShouldBe(["world", "africa", "ETH"], "entered before Kipchoge's 2:01:39 of the year before");
        answers["samuel-wanjiru 2:06:32"].Records.ShouldBe(["championship:olympic_games"]);

        Records(await History("africa")).ShouldBe(MenWorldRecord.Skip(1));
        Records(await History("championship:olympic_games")).ShouldBe(["samuel-wanjiru 2:06:32", "tamirat-tola 2:06:26"]);
        Records(await History("ETH")).ShouldBe(["haile-gebrselassie 2:04:26", "haile-gebrselassie 2:03:59", "kenenisa-bekele 2:01:41"]);
        Records(await History("nacac")).ShouldBe(["khalid-khannouchi 2:05:38"]);

        // One race, one record: Mutai's claim was taken back in his own career when Kimetto's better mark of the race came in.
        (await CareerOf("emmanuel-mutai")).Records.ShouldBeEmpty();
        var mutai = (await Db.Audit.AuditAsync("emmanuel-mutai")).Events.Select(e => e.Event).OfType<RecordRescinded>().ToList();
        mutai.Select(r => r.Scope).ShouldBe(["world", "africa"]);
        mutai.ShouldAllBe(r => r.Reason.Contains("one race, one record"));
        (await CareerOf("emmanuel-mutai")).NationalRecords.ShouldBeEmpty();
        // Bekele's claims went when Kipchoge's better mark of the year before came in: a record must beat every one before it.
        (await CareerOf("kenenisa-bekele")).Records.Select(r => r.Scope).ShouldBe(["ETH"]);
        (await Db.Audit.AuditAsync("kenenisa-bekele")).Events.Select(e => e.Event).OfType<RecordRescinded>()
            .ShouldAllBe(r => r.Reason.Contains("a better mark came before it"));
    }

    [Fact]
    public async Task A_record_ratified_stands_ratified_and_one_declined_gives_the_record_back_to_the_one_before_it()
    {
        await AddAll(Men);
        var claimed = DateTimeOffset.UtcNow;

        (await api.SendAsync(new RatifyRecord("eliud-kipchoge", new RecordRatified("world", "2022-berlin-marathon"), "world-athletics")))
            .ShouldBe(new RecordAnswer("2022-berlin-marathon", "world", "ratified"));
        var ratified = DateTimeOffset.UtcNow;
        (await api.SendAsync(new RejectRecord("kelvin-kiptum", new RecordNotRatified("WORLD", "2023-chicago-marathon", "a test of the ledger"),
                "world-athletics")))
            .ShouldBe(new RecordAnswer("2023-chicago-marathon", "world", "not_ratified"));

        async Task<string?> Standing(DateTimeOffset? knownAt = null, bool ratifiedOnly = false) =>
            (await Db.Records.RecordsAsync("world", Sex.Men, knownAt: knownAt, ratifiedOnly: ratifiedOnly)).Records.SingleOrDefault()?.Shown;

        (await Standing(claimed)).ShouldBe("2:00:35*");
        (await Standing(claimed, ratifiedOnly: true)).ShouldBeNull("as known then, no claim was ratified yet");
        (await Standing(ratified)).ShouldBe("2:00:35*");
        (await Standing(ratified, ratifiedOnly: true)).ShouldBe("2:01:09");
        (await Standing()).ShouldBe("2:01:09", "the record before the declined one stands again, ratified");

        var history = await History("world");
        var kiptum = history.Single(p => p.Athlete == "kelvin-kiptum");
        (kiptum.Status, kiptum.Ratified, kiptum.RescindReason).ShouldBe((RecordStatus.NotRatified, false, "a test of the ledger"));
        history.Single(p => p.Mark.ToString() == "2:01:09").Status.ShouldBe(RecordStatus.Standing);
        (await History("world", knownAt: ratified)).Single(p => p.Athlete == "kelvin-kiptum").Status.ShouldBe(RecordStatus.Standing);
        (await CareerOf("kelvin-kiptum")).Records.Select(r => r.Scope).ShouldBe(["africa", "KEN"]);
    }

    [Fact]
    public async Task Womens_road_records_are_kept_for_any_race_and_for_women_only_races_from_the_same_results()
    {
        await AddAll(Women);

        Records(await History("world", Sex.Women)).ShouldBe(WomenAnyRace);
        Records(await History("world", Sex.Women, womenOnly: true)).ShouldBe(WomenOnlyRaces);
        (await Db.Records.RecordsAsync("world", Sex.Women, womenOnly: true)).Records.ShouldHaveSingleItem().Mark.ToString().ShouldBe("2:15:50");
        (await Db.Records.RecordsAsync("world", Sex.Women)).Records.ShouldHaveSingleItem().Mark.ToString().ShouldBe("2:09:56");
    }

    [Fact]
    public async Task A_mark_equal_to_the_record_equals_it_and_neither_supersedes_the_other()
    {
        var first = new RecordRace("patrick-makau", "KEN", "men", "2011-09-25", "Berlin Marathon", "2:03:38");
        var equal = new RecordRace("wilson-kipsang", "KEN", "men", "2012-04-22", "London Marathon", "2:03:38");
        await Add(first);

        (await Add(equal)).Records.ShouldBe(["world", "africa", "KEN"]);

        var world = await History("world");
        world.Select(p => (p.Athlete, p.Status, p.Equalled, p.Shown))
            .ShouldBe([("patrick-makau", RecordStatus.Standing, false, "2:03:38*"), ("wilson-kipsang", RecordStatus.Standing, true, "=2:03:38*")]);
        var page = await (await api.Host.Scenario(s =>
        {
            s.Get.Url("/records/world");
            s.WithRequestHeader("Accept", "text/html");
        })).ReadAsTextAsync();
        page.ShouldContain("<h1>World records</h1>");
        page.ShouldContain("=2:03:38*");
        page.ShouldContain("= equalled the record before it");
    }

    /// <summary>A bug fixed: the store kept enums its own way (WomenOnly), and could not read a line imported as the file wrote it.</summary>
    [Fact]
    public async Task A_women_only_race_imported_from_a_file_reads_back_as_commands_see_it()
    {
        const string Result = """{"type":"result_recorded","athlete":"tigst-assefa","result_id":"2025-london","date":"2025-04-27","competition":"London Marathon","discipline":"marathon","status":"finished","mark":"2:15:50","race":"women_only"}""";
        await Db.ImportAsync("assefa.jsonl", Result);

        (await Add(new RecordRace("tigst-assefa", "ETH", "women", "2025-09-21", "Berlin Marathon", "2:16:00", WomenOnly: true))).Records.ShouldBeEmpty();
        (await Db.Careers.PersonalBestsAsync("tigst-assefa")).Bests.ShouldHaveSingleItem().Mark.ToString().ShouldBe("2:15:50");
    }

    [Fact]
    public async Task A_file_of_world_records_imports_as_it_says_and_a_command_weighs_results_against_it()
    {
        const string Line = """{"type":"record_set","athlete":"kelvin-kiptum","scope":"World","discipline":"marathon","mark":"2:00:35","date":"2023-10-08","sex":"men","country":"KEN","result_id":"2023-chicago-marathon","competition":"Chicago Marathon"}""";
        await Db.ImportAsync("kiptum.jsonl", Lines.Result("2023-chicago-marathon", "2023-10-08", "2:00:35", athlete: "kelvin-kiptum"), Line);

        (await Db.Records.RecordsAsync("world", Sex.Men)).Records.ShouldHaveSingleItem().Status.ShouldBe("ratified", "a record of history");
        (await Add(Men.Single(r => r.Mark == "2:01:09"))).Records.ShouldBe(["world", "africa", "KEN"], "on its day, 2022, no better mark was known");
        // After 2023 the file's record stands in the world's way; Africa's list holds only what commands claimed.
        (await Add(new RecordRace("kenenisa-bekele", "ETH", "men", "2024-12-01", "Valencia Marathon", "2:01:00"))).Records.ShouldBe(["africa", "ETH"]);
        Records(await History("world")).ShouldBe(["eliud-kipchoge 2:01:09", "kelvin-kiptum 2:00:35"]);
    }

    [Fact]
    public async Task A_country_key_rules_on_its_own_national_records_and_only_a_key_for_all_countries_on_the_world_s()
    {
        await Add(Men.Single(r => r.Mark == "2:00:35"));
        var kenya = await new WriteKeys(Db.Store).AddAsync("athletics-kenya", ["KEN"]);
        const string Route = "/athletes/kelvin-kiptum/results/2023-chicago-marathon/ratifications";

        var (world, problem) = await api.PostAsync(Route, """{"scope":"world"}""", kenya.Key);
        var (national, answer) = await api.PostAsync(Route, """{"scope":"ken"}""", kenya.Key);
        var (byAll, _) = await api.PostAsync(Route, """{"scope":"world"}""");

        world.ShouldBe(403);
        problem["detail"]!.GetValue<string>().ShouldContain("a key for all countries");
        (national, answer.ToJsonString()).ShouldBe((200, """{"result_id":"2023-chicago-marathon","scope":"KEN","status":"ratified"}"""));
        byAll.ShouldBe(200);
        (await Db.Records.RecordsAsync("world", Sex.Men)).Records.ShouldHaveSingleItem().Status.ShouldBe("ratified");
    }
}
