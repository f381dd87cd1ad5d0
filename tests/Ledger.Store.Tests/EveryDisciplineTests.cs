using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// A sprinter, a jumper, a thrower and combined-events athletes of our own making, written through
/// the bus and the API and read back: wind, indoor marks, and records decided both ways.
/// </summary>
public sealed class EveryDisciplineTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync() =>
        await Db.ResetToAsync(
            Lines.Registered("sprinter", "JAM"), Lines.Registered("jumper", "JAM"), Lines.Registered("thrower", "JAM"),
            Lines.Registered("decathlete", "JAM"), Lines.Registered("heptathlete", "JAM", "women"));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<ResultAnswer> Add(string athlete, string id, string discipline, string mark, string? wind = null, bool indoor = false,
        string date = "2024-06-01") =>
        api.SendAsync<ResultAnswer>(new RecordResult(athlete, new ResultRecorded(id, PartialDate.Parse(date), $"Meeting {id}", Discipline.Parse(discipline),
            ResultStatus.Finished, Mark.Parse(mark), Wind: wind is null ? null : Wind.Parse(wind), Indoor: indoor ? true : null), "tester"));

    private async Task<IReadOnlyList<(string Discipline, string Mark, bool Indoor)>> Records(Sex sex = Sex.Men) =>
        (await Db.Records.RecordsAsync("JAM", sex)).Records.Select(r => (r.Discipline.Code, r.Mark.ToString(), r.Indoor)).ToList();

    [Fact]
    public async Task A_wind_assisted_sprint_is_neither_a_personal_best_nor_a_record_and_shows_beside_the_legal_best()
    {
        (await Add("sprinter", "legal", "100m", "9.86", "0.9")).ShouldBe(new ResultAnswer("legal", PersonalBest: true, NationalRecord: true, ["world", "nacac", "JAM"]));
        (await Add("sprinter", "assisted", "100m", "9.79", "+2.4", date: "2024-07-01"))
            .ShouldBe(new ResultAnswer("assisted", PersonalBest: false, NationalRecord: false, []));

        var pbs = JsonNode.Parse(ViewJson.Write(await Db.Careers.PersonalBestsAsync("sprinter")))!;
        var best = pbs["bests"]!.AsArray().ShouldHaveSingleItem()!;
        (best["mark"]!.GetValue<string>(), best["wind"]!.GetValue<decimal>(), best["indoor"]!.GetValue<bool>()).ShouldBe(("9.86", 0.9m, false));
        var assisted = best["wind_assisted_best"]!;
        (assisted["mark"]!.GetValue<string>(), assisted["wind"]!.GetValue<decimal>(), assisted["date"]!.GetValue<string>(),
                assisted["competition"]!.GetValue<string>())
            .ShouldBe(("9.79", 2.4m, "2024-07-01", "Meeting assisted"));
        (await Records()).ShouldBe([("100m", "9.86", false)]);

        var legalOnly = await Db.Toplists.ToplistAsync(ToplistFilter.Of("100m", Sex.Men, null, "JAM", null, null, null, allMarks: true));
        legalOnly.Entries.Select(e => e.Mark.ToString()).ShouldBe(["9.86"]);
        var withAssisted = await Db.Toplists.ToplistAsync(ToplistFilter.Of("100m", Sex.Men, null, "JAM", null, null, null, allMarks: true, windAssisted: true));
        withAssisted.Entries.Select(e => (e.Mark.ToString(), e.Wind.ToString())).ShouldBe([("9.79", "+2.4"), ("9.86", "+0.9")]);
    }

    [Fact]
    public async Task A_long_jump_record_follows_higher_is_better_and_a_corrected_wind_takes_it_away()
    {
        (await Add("jumper", "first", "long-jump", "8.12", "1.1")).ShouldBe(new ResultAnswer("first", true, true, ["world", "nacac", "JAM"]));
        (await Add("jumper", "shorter", "long-jump", "8.05", "0.3", date: "2024-06-08")).ShouldBe(new ResultAnswer("shorter", false, false, []));
        (await Add("jumper", "longer", "long-jump", "8.20", "1.9", date: "2024-06-15")).ShouldBe(new ResultAnswer("longer", true, true, ["world", "nacac", "JAM"]));

        var corrected = await api.SendAsync<ResultAnswer>(
            new CorrectResult("jumper", new ResultCorrected("longer", "the gauge read again", Wind: Wind.Parse("+2.6")), "tester"));

        corrected.ShouldBe(new ResultAnswer("longer", false, false, []));
        (await Db.Records.RecordHistoryAsync("JAM", Discipline.Parse("long-jump"), Sex.Men)).Progression.Select(p => (p.Mark.ToString(), p.Status))
            .ShouldBe([("8.12", RecordStatus.Standing), ("8.20", RecordStatus.Rescinded)]);
        var best = (await Db.Careers.PersonalBestsAsync("jumper")).Bests.ShouldHaveSingleItem();
        (best.Mark.ToString(), best.WindAssistedBest!.Mark.ToString()).ShouldBe(("8.12", "8.20"));

        var list = await Db.Toplists.ToplistAsync(ToplistFilter.Of("long-jump", Sex.Men, null, null, null, null, null, allMarks: true));
        list.Entries.Select(e => e.Mark.ToString()).ShouldBe(["8.12", "8.05"]);
    }

    [Fact]
    public async Task Indoor_and_outdoor_records_and_bests_are_kept_apart()
    {
        (await Add("thrower", "outdoor", "shot-put", "21.50")).NationalRecord.ShouldBeTrue();
        (await Add("thrower", "indoor", "shot-put", "21.80", indoor: true, date: "2024-02-10")).ShouldBe(new ResultAnswer("indoor", true, true, ["world", "nacac", "JAM"]));
        (await Add("thrower", "better", "shot-put", "22.00", date: "2024-07-01")).NationalRecord.ShouldBeTrue();

        (await Records()).ShouldBe([("shot-put", "22.00", false), ("shot-put", "21.80", true)]);
        (await Db.Careers.PersonalBestsAsync("thrower")).Bests.Select(b => (b.Mark.ToString(), b.Indoor)).ShouldBe([("22.00", false), ("21.80", true)]);
        (await Db.Records.RecordHistoryAsync("JAM", Discipline.Parse("shot-put"), Sex.Men, indoor: true)).Progression
            .ShouldHaveSingleItem().Mark.ToString().ShouldBe("21.80");
        (await Db.Toplists.ToplistAsync(ToplistFilter.Of("shot-put", Sex.Men, null, null, null, null, null, false, indoor: true))).Entries
            .ShouldHaveSingleItem().Mark.ToString().ShouldBe("21.80");
    }

    [Fact]
    public async Task Combined_events_score_points_and_more_is_better()
    {
        (await Add("decathlete", "first", "decathlon", "8100")).NationalRecord.ShouldBeTrue();
        (await Add("decathlete", "lower", "decathlon", "7950", date: "2024-07-01")).ShouldBe(new ResultAnswer("lower", false, false, []));
        (await Add("heptathlete", "h", "heptathlon", "6500")).NationalRecord.ShouldBeTrue();

        (await Records()).ShouldBe([("decathlon", "8100", false)]);
        (await Records(Sex.Women)).ShouldBe([("heptathlon", "6500", false)]);
        (await Db.Careers.PersonalBestsAsync("decathlete")).Bests.ShouldHaveSingleItem().Mark.ToString().ShouldBe("8100");
    }

    [Fact]
    public async Task A_result_posted_over_http_carries_its_wind_and_a_mark_of_the_wrong_kind_is_refused_naming_it()
    {
        var (status, body) = await api.PostAsync("/athletes/sprinter/results",
            """{"date":"2024-05-01","competition":"Kingston Invitational","discipline":"200m","mark":"19.95","wind":-0.4}""");
        status.ShouldBe(200, body.ToJsonString());
        (await Db.Careers.PersonalBestsAsync("sprinter")).Bests.ShouldHaveSingleItem().Wind.ToString().ShouldBe("-0.4");

        var (refused, problem) = await api.PostAsync("/athletes/jumper/results",
            """{"date":"2024-05-01","competition":"Kingston Invitational","discipline":"long-jump","mark":"8:12","wind":3.0,"indoor":true}""");
        refused.ShouldBe(400);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["mark", "wind"], ignoreOrder: true);
    }

    [Fact]
    public async Task Careers_imported_in_every_kind_of_discipline_read_back_with_their_conditions()
    {
        var outcome = await Db.ImportAsync("careers.jsonl",
            """{"type":"result_recorded","athlete":"sprinter","result_id":"s1","date":"2023-08-20","competition":"Worlds",""" +
            """
            "discipline":"100m","status":"finished","mark":"9.91","wind":0.0}
            """,
            """{"type":"result_recorded","athlete":"sprinter","result_id":"s2","date":"2023-02-11","competition":"Indoor meet",""" +
            """
            "discipline":"60m","status":"finished","mark":"6.49","indoor":true}
            """,
            """{"type":"national_record_set","athlete":"sprinter","discipline":"60m","mark":"6.49","date":"2023-02-11",""" +
            """
            "country":"JAM","sex":"men","result_id":"s2","indoor":true}
            """,
            """{"type":"result_recorded","athlete":"jumper","result_id":"j1","date":"2023-07-01","competition":"Meeting",""" +
            """
            "discipline":"triple-jump","status":"finished","mark":"17.50","wind":2.8}
            """,
            """{"type":"best_mark_reported","athlete":"jumper","discipline":"high-jump","mark":"2.20","date":"2019"}""",
            """{"type":"result_recorded","athlete":"heptathlete","result_id":"h1","date":"2023-08-20","competition":"Worlds",""" +
            """
            "discipline":"heptathlon","status":"finished","mark":6700}
            """);
        outcome.Appended.ShouldBe(6);

        (await Db.Careers.PersonalBestsAsync("sprinter")).Bests.Select(b => (b.Discipline.Code, b.Mark.ToString(), b.Indoor))
            .ShouldBe([("60m", "6.49", true), ("100m", "9.91", false)]);
        (await Db.Careers.PersonalBestsAsync("jumper")).Bests.Select(b => (b.Discipline.Code, b.Mark.ToString(), b.Wind?.ToString()))
            .ShouldBe([("high-jump", "2.20", null), ("triple-jump", "17.50", "+2.8")],
                "a triple jump with only a wind-assisted mark is shown as that mark, its wind saying so");
        (await Records()).ShouldBe([("60m", "6.49", true)]);
        (await Db.Careers.PersonalBestsAsync("heptathlete")).Bests.ShouldHaveSingleItem().Mark.ToString().ShouldBe("6700");
    }

    [Fact]
    public async Task The_profile_charts_indoor_marks_apart_and_wind_assisted_marks_as_such()
    {
        await Add("thrower", "outdoor", "shot-put", "21.50");
        await Add("thrower", "indoor", "shot-put", "21.80", indoor: true, date: "2024-02-10");
        await Add("sprinter", "legal", "100m", "9.95", wind: "+1.0", date: "2024-05-01");
        await Add("sprinter", "assisted", "100m", "9.85", wind: "+2.6");

        (await ChartCaptions("/athletes/thrower")).ShouldBe(["shot-put: marks over time, better higher", "shot-put (indoor): marks over time, better higher"]);
        (await ChartLegends("/athletes/sprinter")).ShouldHaveSingleItem().ShouldContain("wind-assisted");
        (await Page("/athletes/sprinter")).ShouldContain("w: wind-assisted (over +2.0 m/s). The wind in m/s in brackets.");
        (await Page("/athletes/thrower")).ShouldContain("<p class=\"muted\">i: indoors.</p>");
        (await Page("/athletes/sprinter")).ShouldContain("<th>Wind-assisted best</th>");
        (await Page("/athletes/thrower")).ShouldNotContain("Wind-assisted best", customMessage: "no column for an athlete with no such best");
    }

    private async Task<string> Page(string url)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", "text/html");
        });
        return System.Net.WebUtility.HtmlDecode(await result.ReadAsTextAsync());
    }

    private async Task<List<string>> ChartCaptions(string url) =>
        System.Text.RegularExpressions.Regex.Matches(await Page(url), "<figcaption[^>]*>(.*?)</figcaption>").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The text of each chart's picture (its legend among it).</summary>
    private async Task<List<string>> ChartLegends(string url) =>
        System.Text.RegularExpressions.Regex.Matches(await Page(url), "src=\"data:image/svg\\+xml;base64,([^\"]+)\"")
            .Select(m => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))).ToList();
}
