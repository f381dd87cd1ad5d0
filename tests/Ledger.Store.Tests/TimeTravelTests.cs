using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// The two clocks: domain time (a fact's own date, <c>asOf</c>) and system time (when the ledger
/// learned it, <c>knownAt</c>), never mixed, and kept across an export and an import.
/// </summary>
public sealed class TimeTravelTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;

    public async ValueTask InitializeAsync() => await db.ResetAsync();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string?> MarathonBest(DateOnly? asOf = null, DateTimeOffset? knownAt = null, LedgerDatabase? database = null) =>
        (await (database ?? db).Careers.PersonalBestsAsync(Athlete, asOf, knownAt)).Bests
            .SingleOrDefault(b => b.Discipline.Code == "marathon")?.Mark.ToString();

    private static async Task<DateTimeOffset> Between()
    {
        await Task.Delay(50);
        var moment = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        return moment;
    }

    [Theory]
    [InlineData("2014-12-07", "2014-12-06", "2014-12-07")]
    [InlineData("2014-12", "2014-12-30", "2014-12-31")]
    [InlineData("2014", "2014-12-30", "2014-12-31")]
    public async Task A_result_counts_from_the_last_day_its_date_could_be(string date, string dayBefore, string dayOf)
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(), Lines.Result("old", "2010-09-26", "2:12:42"), Lines.Result("new", date, "2:08:50"));

        (await MarathonBest(DateOnly.Parse(dayBefore))).ShouldBe("2:12:42");
        (await MarathonBest(DateOnly.Parse(dayOf))).ShouldBe("2:08:50");
    }

    [Fact]
    public async Task A_late_entered_old_result_changes_the_past_from_now_on_but_not_what_was_known_before()
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(), Lines.Result("berlin", "2010-09-26", "2:12:42"));
        var yesterday = await Between();

        await db.ImportAsync("late.jsonl", Lines.Result("forgotten", "2008-04-20", "2:10:00"));

        (await MarathonBest(new DateOnly(2008, 12, 31))).ShouldBe("2:10:00");
        (await MarathonBest(new DateOnly(2008, 12, 31), yesterday)).ShouldBeNull();
        (await MarathonBest(knownAt: yesterday)).ShouldBe("2:12:42");
    }

    [Fact]
    public async Task A_correction_appended_after_a_later_result_still_corrects_the_earlier_one()
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(), Lines.Result("first", "2010-01-01", "2:20:00"), Lines.Result("second", "2011-01-01", "2:15:00"));
        var beforeCorrection = await Between();

        await db.ImportAsync("fix.jsonl", Lines.Corrected("first", "timing error", mark: "2:10:00"));

        (await MarathonBest(new DateOnly(2010, 12, 31))).ShouldBe("2:10:00");
        (await MarathonBest()).ShouldBe("2:10:00");
        (await MarathonBest(new DateOnly(2010, 12, 31), beforeCorrection)).ShouldBe("2:20:00");
    }

    [Fact]
    public async Task Known_at_the_exact_instant_of_an_append_includes_it()
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(), Lines.Result("berlin", "2010-09-26", "2:12:42"));
        await db.ImportAsync("r.jsonl", Lines.Record("2:12:42", "2010-09-26", "berlin"));
        var audit = (await db.Audit.AuditAsync(Athlete)).Events;
        var (resultAt, recordAt) = (audit[1].RecordedAt, audit[2].RecordedAt);

        (await MarathonBest(knownAt: resultAt)).ShouldBe("2:12:42");
        (await MarathonBest(knownAt: resultAt.AddTicks(-10))).ShouldBeNull();
        (await db.Records.RecordsAsync("MGL", knownAt: recordAt)).Records.ShouldHaveSingleItem();
        (await db.Records.RecordsAsync("MGL", knownAt: recordAt.AddTicks(-10))).Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task Between_a_faster_mark_and_its_annulment_the_ledger_knew_it_as_best_and_record()
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(), Lines.Result("berlin", "2010-09-26", "2:12:42"), Lines.Record("2:12:42", "2010-09-26", "berlin"));
        await db.ImportAsync("fast.jsonl", Lines.Result("fast", "2026-04-12", "2:07:59"), Lines.Record("2:07:59", "2026-04-12", "fast"));
        var between = await Between();
        await db.ImportAsync("annul.jsonl", Lines.Annulled("fast", "doping"), Lines.Rescinded("2:07:59", "fast", "result annulled"));

        (await MarathonBest()).ShouldBe("2:12:42");
        (await MarathonBest(knownAt: between)).ShouldBe("2:07:59");
        (await db.Records.RecordsAsync("MGL", knownAt: between)).Records.Single().Mark.ToString().ShouldBe("2:07:59");
        (await db.Records.RecordsAsync("MGL")).Records.Single().Mark.ToString().ShouldBe("2:12:42");
        (await RecordHistory(between)).ShouldBe([("2:12:42", RecordStatus.Superseded, null), ("2:07:59", RecordStatus.Standing, null)]);
        (await RecordHistory()).ShouldBe([("2:12:42", RecordStatus.Standing, null), ("2:07:59", RecordStatus.Rescinded, "result annulled")]);
    }

    private async Task<IReadOnlyList<(string Mark, RecordStatus Status, string? RescindReason)>> RecordHistory(DateTimeOffset? knownAt = null) =>
        (await db.Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men, knownAt)).Progression
            .Select(p => (p.Mark.ToString(), p.Status, p.RescindReason)).ToList();

    [Fact]
    public async Task As_of_a_date_before_a_record_the_record_standing_then_is_the_answer()
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(),
            Lines.Result("berlin", "2010-09-26", "2:12:42"), Lines.Record("2:12:42", "2010-09-26", "berlin"),
            Lines.Result("fukuoka", "2014-12-07", "2:08:50"), Lines.Record("2:08:50", "2014-12-07", "fukuoka"));

        async Task<string?> RecordAsOf(DateOnly asOf) => (await db.Records.RecordsAsync("MGL", asOf: asOf)).Records.SingleOrDefault()?.Mark.ToString();

        (await RecordAsOf(new DateOnly(2014, 12, 6))).ShouldBe("2:12:42");
        (await RecordAsOf(new DateOnly(2014, 12, 7))).ShouldBe("2:08:50");
        (await RecordAsOf(new DateOnly(2010, 9, 25))).ShouldBeNull();
    }

    [Fact]
    public async Task Championships_and_the_timeline_known_at_an_instant_leave_out_what_was_appended_later()
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(), Lines.Result("beijing", "2008-08-24", "2:24:19", championship: "olympic_games", place: 50));
        var before = await Between();
        await db.ImportAsync("london.jsonl", Lines.Result("london", "2012-08-12", "2:11:35", championship: "olympic_games", place: 3));

        var (then, now) = ((await db.Careers.ChampionshipsAsync(Athlete, knownAt: before)).Championships.Single(),
            (await db.Careers.ChampionshipsAsync(Athlete)).Championships.Single());
        (then.Editions, then.Bronze, then.BestPlace).ShouldBe((1, 0, 50));
        (now.Editions, now.Bronze, now.BestPlace).ShouldBe((2, 1, 3));
        (await db.Careers.TimelineAsync(Athlete, knownAt: before)).Events.Select(e => e.Date.ToString()).ShouldBe(["2008-08-24"]);
        (await db.Careers.TimelineAsync(Athlete)).Events.Select(e => e.Date.ToString()).ShouldBe(["2008-08-24", "2012-08-12"]);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_answers_audit_and_known_at_the_same()
    {
        await db.ImportAsync("c.jsonl", Lines.Registered(), Lines.Result("berlin", "2010-09-26", "2:12:42"), Lines.Record("2:12:42", "2010-09-26", "berlin"));
        await db.ImportAsync("fast.jsonl", Lines.Result("fast", "2026-04-12", "2:07:59"), Lines.Record("2:07:59", "2026-04-12", "fast"));
        var between = await Between();
        await db.ImportAsync("annul.jsonl", Lines.Corrected("berlin", "place confirmed", place: 10), Lines.Annulled("fast", "doping"),
            Lines.Rescinded("2:07:59", "fast", "result annulled"));

        using var export = new TempFolder("ledger-export-");
        var folder = export.Path;
        (await new Exporter(db.Store).ExportAsync([], folder)).ShouldBe(new ExportOutcome(1, 8));
        await using var empty = new LedgerDatabase();
        await empty.InitializeAsync();

        await empty.Importer.ImportAsync([folder], new Actor("someone else", "restore"));

        ViewJson.Write(await empty.Audit.AuditAsync(Athlete)).ShouldBe(ViewJson.Write(await db.Audit.AuditAsync(Athlete)));
        (await MarathonBest(knownAt: between, database: empty)).ShouldBe("2:07:59");
        (await empty.Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men)).Progression
            .ShouldBe((await db.Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men)).Progression);
        (await db.Importer.ImportAsync([folder], new Actor("tester", "again"))).Appended.ShouldBe(0);
    }
}
