using System.Text.Json.Nodes;
using Alba;
using Marten;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>Toplists on the seed career and on small careers written through the HTTP API, as a user writes them.</summary>
public sealed class ToplistTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync()
    {
        await Db.ResetAsync();
        await Db.Importer.ImportAsync([Repository.Events], new Actor("tester", "seed"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<ToplistView> Toplist(string discipline = "marathon", string country = "MGL", int? year = null, bool allMarks = false,
        DateOnly? asOf = null, DateTimeOffset? knownAt = null, string sex = "men") =>
        Db.Toplists.ToplistAsync(ToplistFilter.Of(discipline, sex == "men" ? Sex.Men : Sex.Women, year, country, asOf, knownAt, null, allMarks));

    private async Task<JsonObject> Send(string url, JsonObject body)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Text(body.ToJsonString()).ToUrl(url);
            s.WithRequestHeader("X-Api-Key", ApiHost.Key);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    private Task<JsonObject> AddMarathon(string mark, string id, string date = "2026-04-12") =>
        Send($"/athletes/{Lines.Athlete}/results", new JsonObject
        {
            ["date"] = date, ["competition"] = "Rotterdam Marathon", ["discipline"] = "marathon", ["mark"] = mark, ["result_id"] = id,
        });

    [Fact]
    public async Task Mongolias_mens_marathon_list_of_2014_starts_with_his_2_08_50_over_http()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/toplists/marathon?sex=men&country=MGL&year=2014"));
        var json = JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();

        json.Select(p => p.Key).ShouldBe(["discipline", "sex", "year", "country", "as_of", "known_at", "entries"]);
        (json["year"]!.GetValue<int>(), json["country"]!.GetValue<string>(), json["sex"]!.GetValue<string>()).ShouldBe((2014, "MGL", "men"));
        var first = json["entries"]!.AsArray()[0]!.AsObject();
        first.Select(p => p.Key).ShouldBe(["rank", "mark", "athlete", "name", "country", "date", "competition", "venue", "result_id"]);
        (first["rank"]!.GetValue<int>(), first["mark"]!.GetValue<string>(), first["athlete"]!.GetValue<string>()).ShouldBe((1, "2:08:50", Lines.Athlete));
    }

    [Fact]
    public async Task The_all_time_list_has_him_once_and_with_all_marks_every_mark_of_his_best_first()
    {
        var once = await Toplist();
        once.Year.ShouldBeNull();
        once.Entries.ShouldHaveSingleItem().Mark.ShouldBe(Mark.Parse("2:08:50"));
        once.Entries[0].PersonalBest.ShouldBeTrue();
        once.Entries[0].NationalRecord.ShouldBeTrue();

        var career = await Db.Careers.TimelineAsync(Lines.Athlete);
        var marathons = career.Events.Count(e => e.Event is ResultRecorded { Discipline.Code: "marathon", Status: ResultStatus.Finished, Mark: not null }
                                                 or BestMarkReported { Discipline.Code: "marathon" });
        var every = await Toplist(allMarks: true);
        every.Entries.Count.ShouldBe(marathons);
        every.Entries.Count.ShouldBeGreaterThan(5);
        every.Entries.Select(e => e.Mark).ShouldBe(every.Entries.Select(e => e.Mark).Order(every.Discipline.BetterFirst));
        every.Entries.Select(e => e.Rank).ShouldBe(every.Entries.Select(e => every.Entries.ToList().FindIndex(o => o.Mark == e.Mark) + 1));
        every.Entries.Select(e => e.Rank).Distinct().Count().ShouldBeLessThan(marathons, "he ran one time twice: the two share a rank");
    }

    [Fact]
    public async Task An_annulled_mark_leaves_the_list_and_known_at_before_the_annulment_shows_it()
    {
        await AddMarathon("2:07:30", "fast");
        var beforeAnnulment = DateTimeOffset.UtcNow;
        await Send($"/athletes/{Lines.Athlete}/results/fast/annulment", new JsonObject { ["reason"] = "course short" });

        (await Toplist()).Entries[0].Mark.ShouldBe(Mark.Parse("2:08:50"));
        (await Toplist(year: 2026)).Entries.ShouldBeEmpty();
        var then = await Toplist(knownAt: beforeAnnulment);
        then.Entries[0].Mark.ShouldBe(Mark.Parse("2:07:30"));
        then.Entries[0].ResultId.ShouldBe("fast");
        then.Entries[0].NationalRecord.ShouldBeTrue();
    }

    [Fact]
    public async Task A_corrected_mark_stands_in_the_list_and_known_at_before_the_correction_shows_the_mark_as_first_told()
    {
        await AddMarathon("2:10:00", "second", "2026-04-12");
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Send($"/athletes/{Lines.Athlete}/results/second/corrections",
            new JsonObject { ["reason"] = "timing", ["mark"] = "2:08:00", ["date"] = "2026-04-13" });

        var now = (await Toplist(year: 2026)).Entries.ShouldHaveSingleItem();
        (now.Mark, now.Date).ShouldBe((Mark.Parse("2:08:00"), PartialDate.Parse("2026-04-13")));
        (await Toplist()).Entries[0].ResultId.ShouldBe("second");
        var then = (await Toplist(year: 2026, knownAt: beforeCorrection)).Entries.ShouldHaveSingleItem();
        (then.Mark, then.Date).ShouldBe((Mark.Parse("2:10:00"), PartialDate.Parse("2026-04-12")));

        await Send($"/athletes/{Lines.Athlete}/results/second/corrections", new JsonObject { ["reason"] = "did not finish", ["status"] = "dnf" });
        (await Toplist(year: 2026)).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Equal_marks_share_a_rank_the_next_rank_skips_and_they_are_listed_by_date_then_athlete()
    {
        await Db.ImportAsync("ties.jsonl",
            Lines.Registered("tie-d", "FIJ"), Lines.Result("d", "2025-05-01", "2:12:00", athlete: "tie-d"),
            Lines.Registered("tie-c", "FIJ"), Lines.Result("c", "2025-03-01", "2:11:00", athlete: "tie-c"),
            Lines.Registered("tie-b", "FIJ"), Lines.Result("b", "2025-03-01", "2:11:00", athlete: "tie-b"),
            Lines.Registered("tie-a", "FIJ"), Lines.Result("a", "2025-04-01", "2:11:00", athlete: "tie-a"),
            Lines.Registered("tie-e", "FIJ"), Lines.Result("e", "2025-02-01", "2:10:00", athlete: "tie-e"),
            Lines.Result("e2", "2025-06-01", "2:10:00", athlete: "tie-e"));

        var list = await Toplist(country: "FIJ");
        list.Entries.Select(e => (e.Rank, e.Athlete)).ShouldBe([(1, "tie-e"), (2, "tie-b"), (2, "tie-c"), (2, "tie-a"), (5, "tie-d")]);
        list.Entries[0].Date.ShouldBe(PartialDate.Parse("2025-02-01"), "of equal marks, an athlete's earliest");
        (await Toplist(country: "FIJ", allMarks: true)).Entries.Select(e => e.Rank).ShouldBe([1, 1, 3, 3, 3, 6]);
    }

    [Fact]
    public async Task A_reported_best_counts_with_its_own_date_and_as_of_leaves_out_what_had_not_happened()
    {
        await Db.ImportAsync("reported.jsonl", Lines.Reported("marathon", "2:07:00", "2024-10"));

        var entry = (await Toplist(year: 2024)).Entries.ShouldHaveSingleItem();
        (entry.Mark, entry.Competition, entry.ResultId).ShouldBe((Mark.Parse("2:07:00"), null, null));
        (await Toplist(asOf: new DateOnly(2024, 10, 30))).Entries[0].Mark.ShouldBe(Mark.Parse("2:08:50"));
        (await Toplist(asOf: new DateOnly(2024, 10, 31))).Entries[0].Mark.ShouldBe(Mark.Parse("2:07:00"));
        (await Toplist(asOf: new DateOnly(2010, 12, 31))).Entries[0].Mark.ShouldBe(Mark.Parse("2:12:42"));
    }

    [Fact]
    public async Task Commands_leave_the_marks_a_rebuild_from_the_events_makes_and_the_rebuild_keeps_the_lists_indexes()
    {
        await AddMarathon("2:09:00", "one");
        await AddMarathon("2:07:59", "two", "2026-05-01");
        await Send($"/athletes/{Lines.Athlete}/results/one/corrections", new JsonObject { ["reason"] = "timing", ["mark"] = "2:09:10" });
        await Send($"/athletes/{Lines.Athlete}/results/two/annulment", new JsonObject { ["reason"] = "doping" });
        var written = await MarksAsync();
        var indexes = await IndexesAsync();

        using (var daemon = await Db.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(new ListedMarksProjection().Name, CancellationToken.None);

        (await MarksAsync()).ShouldBe(written);
        written.Count(m => m.Contains("\"known_until\":null")).ShouldBeLessThan(written.Length);
        (await IndexesAsync()).ShouldBe(indexes, "the rebuild drops the lists' indexes while it copies the marks, and makes them again");
        indexes.Length.ShouldBe(5);
    }

    [Fact]
    public async Task Results_added_while_the_marks_are_rebuilt_are_all_in_the_lists_after_it()
    {
        var rebuild = Task.Run(async () =>
        {
            using var daemon = await Db.Store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(new ListedMarksProjection().Name, CancellationToken.None);
        });
        foreach (var i in Enumerable.Range(0, 10)) await AddMarathon($"2:20:{i:D2}", $"during-{i}");
        await rebuild;
        var written = await MarksAsync();

        written.Count(m => m.Contains("during-")).ShouldBe(10);
        using (var daemon = await Db.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(new ListedMarksProjection().Name, CancellationToken.None);
        (await MarksAsync()).ShouldBe(written);
    }

    private async Task<string[]> IndexesAsync()
    {
        await using var session = Db.Store.QuerySession();
        return (await session.QueryAsync<string>(
            $"select indexdef from pg_indexes where schemaname = '{ListedMarkRows.Name.Schema}' and tablename = '{ListedMarkRows.Name.Name}' order by 1"))
            .ToArray();
    }

    private async Task<string[]> MarksAsync()
    {
        await using var session = Db.Store.QuerySession();
        return (await session.QueryAsync<string>(
            $"select to_jsonb(t)::text from {ListedMarkRows.Name} t order by id")).ToArray();
    }

    [Fact]
    public async Task The_page_shows_the_list_with_its_choices_in_the_form_and_refuses_a_wrong_choice()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/toplists?discipline=marathon&sex=men&year=&country=MGL&asOf=&knownAt=&limit=10&allMarks=true");
            s.WithRequestHeader("Accept", "text/html");
        });
        var html = await result.ReadAsTextAsync();
        System.Net.WebUtility.HtmlDecode(html).ShouldContain("Toplist: Men's marathon, all time, MGL");
        html.ShouldContain($"""<a href="/athletes/{Lines.Athlete}">Bat-Ochir Ser-Od</a>""");
        html.ShouldContain("""<option selected>MGL</option>""");
        html.ShouldContain("""name="allMarks" value="true" checked""");
        html.ShouldContain("""<span class="tag nr">NR</span>""");
        System.Text.RegularExpressions.Regex.Count(html, "<tr><td>").ShouldBe(10);

        await api.Host.Scenario(s =>
        {
            s.Get.Url("/toplists?discipline=marathon&sex=men&limit=5000");
            s.WithRequestHeader("Accept", "text/html");
            s.StatusCodeShouldBe(400);
            s.ContentShouldContain("limit 5000 is out of range");
        });
    }
}

/// <summary>
/// Toplists of a synthetic federation against an independent computation: each athlete's career
/// folded from the very events imported, as known at an instant and as of a date, its marks
/// filtered, ordered and ranked here.
/// </summary>
public sealed class FederationToplistTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    private static readonly string[] Countries = ["KEN", "ETH", "JPN", "MGL"];
    private static readonly string[] Disciplines = ["marathon", "10000m"];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<(string Athlete, object Data, DateTimeOffset RecordedAt)> _events = [];

    public async ValueTask InitializeAsync()
    {
        await db.ResetAsync();
        var random = new Random(7);
        var lines = new List<string>();
        void Add(string athlete, object data)
        {
            var at = Start.AddMinutes(_events.Count);
            _events.Add((athlete, data, at));
            lines.Add(EventFormat.Write(new EventEnvelope(athlete, data, RecordedAt: at)));
        }

        for (var a = 0; a < 600; a++)
        {
            var athlete = $"runner-{a:D3}";
            var sex = a % 3 == 0 ? Sex.Women : Sex.Men;
            Add(athlete, new AthleteRegistered($"Runner {a}", Countries[a % Countries.Length], sex));
            for (var r = 0; r < random.Next(3, 12); r++)
            {
                var marathon = random.Next(2) == 0;
                var date = PartialDate.Parse(random.Next(10) switch
                {
                    0 => $"{random.Next(2010, 2026)}",
                    1 => $"{random.Next(2010, 2026)}-{random.Next(1, 13):D2}",
                    _ => $"{random.Next(2010, 2026)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}",
                });
                var status = random.Next(10) == 0 ? ResultStatus.Dnf : ResultStatus.Finished;
                Add(athlete, new ResultRecorded($"r{r}", date, $"Race {r}", Discipline.Parse(marathon ? "marathon" : "10000m"), status,
                    status == ResultStatus.Finished ? Time(random, marathon, sex) : null));
                switch (random.Next(12))
                {
                    case 0: Add(athlete, new ResultAnnulled($"r{r}", "doping")); break;
                    case 1 when status == ResultStatus.Finished: Add(athlete, new ResultCorrected($"r{r}", "timing", Mark: Time(random, marathon, sex))); break;
                    case 2: Add(athlete, new ResultCorrected($"r{r}", "date", Date: PartialDate.Parse($"{random.Next(2010, 2026)}-06-15"))); break;
                    case 3: Add(athlete, new ResultCorrected($"r{r}", "fell", Status: ResultStatus.Dnf)); break;
                }
            }

            if (random.Next(5) == 0)
                Add(athlete, new BestMarkReported(Discipline.Parse("marathon"), Time(random, true, sex), PartialDate.Parse($"{random.Next(2008, 2026)}")));
        }

        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-federation.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            await db.Importer.ImportAsync([file], new Actor("tester", "federation"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Marks coarse enough that equal marks are common, so ties are tested too; none faster than the world record of its sex.</summary>
    private static Mark Time(Random random, bool marathon, Sex sex)
    {
        var slower = sex == Sex.Women ? 2 : 0;
        return marathon
            ? Mark.Parse($"2:{random.Next(5, 30) + 5 * slower:D2}:{random.Next(6) * 10:D2}")
            : Mark.Parse($"{random.Next(27, 33) + slower}:{random.Next(0, 60):D2}.{random.Next(0, 4) * 25:D2}");
    }

    [Fact]
    public async Task Every_list_is_the_list_the_careers_give()
    {
        var knownAt = Start.AddMinutes(_events.Count / 2);
        var checks = 0;
        foreach (var discipline in Disciplines)
        foreach (var sex in new[] { Sex.Men, Sex.Women })
        foreach (var country in new string?[] { null, "KEN", "MGL" })
        foreach (var year in new int?[] { null, 2014, 2025 })
        foreach (var allMarks in new[] { false, true })
        foreach (var (asOf, known) in new (DateOnly?, DateTimeOffset?)[] { (null, null), (new DateOnly(2018, 6, 30), null), (null, knownAt) })
        {
            var filter = ToplistFilter.Of(discipline, sex, year, country, asOf, known, 30, allMarks);
            var listed = (await db.Toplists.ToplistAsync(filter)).Entries
                .Select(e => (e.Rank, e.Athlete, e.Mark.ToString(), e.Date.ToString(), e.ResultId))
                .ToList();
            listed.ShouldBe(Expected(filter),
                $"{discipline} {sex} {country ?? "world"} {year?.ToString() ?? "all time"} as of {asOf} known at {known} all marks {allMarks}");
            checks += listed.Count;
        }

        checks.ShouldBeGreaterThan(1000);
    }

    private List<(int, string, string, string, string?)> Expected(ToplistFilter filter)
    {
        var careers = new Dictionary<string, Career>();
        foreach (var (athlete, data, at) in _events.Where(e => filter.KnownAt is null || e.RecordedAt <= filter.KnownAt))
        {
            if (!careers.TryGetValue(athlete, out var career)) careers[athlete] = career = new Career { Id = athlete };
            career.Fold(data);
        }

        var marks = careers.Values
            .Where(c => c.Athlete!.Sex == filter.Sex && (filter.Country is null || c.Athlete.Country == filter.Country))
            .SelectMany(c => c.ResultsAsOf(filter.AsOf)
                .Where(r => r is { Status: ResultStatus.Finished, Mark: not null })
                .Select(r => (Athlete: c.Id, r.Discipline, Mark: r.Mark!.Value, r.Date, ResultId: (string?)r.ResultId))
                .Concat(c.ReportedBests.Where(b => filter.AsOf is null || b.Date.IsOnOrBefore(filter.AsOf.Value))
                    .Select(b => (Athlete: c.Id, b.Discipline, b.Mark, b.Date, ResultId: (string?)null))))
            .Where(m => m.Discipline == filter.Discipline && (filter.Year is null || m.Date.Year == filter.Year))
            .OrderBy(m => m.Mark, filter.Discipline.BetterFirst).ThenBy(m => m.Date).ThenBy(m => m.Athlete, StringComparer.Ordinal)
            .ToList();
        if (!filter.AllMarks)
            marks = marks.GroupBy(m => m.Athlete).Select(g => g.First())
                .OrderBy(m => m.Mark, filter.Discipline.BetterFirst).ThenBy(m => m.Date).ThenBy(m => m.Athlete, StringComparer.Ordinal)
                .ToList();

        return marks.Take(filter.Limit)
            .Select((m, i) => (Rank: marks.FindIndex(o => o.Mark == m.Mark) + 1, m.Athlete, m.Mark.ToString(), m.Date.ToString(), m.ResultId))
            .ToList();
    }
}
