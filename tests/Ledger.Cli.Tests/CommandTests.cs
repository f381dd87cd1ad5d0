using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>The writing verbs, each a process of its own sending one command through the bus.</summary>
public sealed class CommandTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    private const string Athlete = "bat-ochir-ser-od";

    public async ValueTask InitializeAsync()
    {
        await db.ResetAsync();
        await db.ImportAsync("career.jsonl",
            Lines.Registered(),
            Lines.Result("berlin-2010", "2010-09-26", "2:12:42"),
            Lines.Record("2:12:42", "2010-09-26", "berlin-2010"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<Cli.Outcome> Ledger(params string[] args) => Cli.RunAsync(db.ConnectionString, [.. args, "--json"]);

    private async Task<int> AuditCount(string athlete = Athlete) => (await db.Queries.AuditAsync(athlete)).Events.Count;

    private Task<Cli.Outcome> AddMarathon(string mark, string date = "2026-04-12", string athlete = Athlete, params string[] more) =>
        Ledger(["add-result", athlete, "--date", date, "--competition", "Rotterdam Marathon", "--discipline", "marathon", "--mark", mark, .. more]);

    [Fact]
    public async Task A_faster_marathon_is_a_personal_best_and_a_national_record()
    {
        var added = await AddMarathon("2:07:59", more: ["--place", "3"]);

        added.Exit.ShouldBe(0, added.Err);
        added.Json["result_id"]!.GetValue<string>().ShouldBe("2026-04-12-rotterdam-marathon-marathon");
        added.Json["personal_best"]!.GetValue<bool>().ShouldBeTrue();
        added.Json["national_record"]!.GetValue<bool>().ShouldBeTrue();
        (await db.Queries.RecordsAsync("MGL")).Records.ShouldHaveSingleItem().Mark.ToString().ShouldBe("2:07:59");
    }

    [Fact]
    public async Task A_slower_marathon_is_neither_best_nor_record()
    {
        var added = await AddMarathon("2:20:00");

        added.Json["personal_best"]!.GetValue<bool>().ShouldBeFalse();
        added.Json["national_record"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Annulling_the_record_rescinds_it_and_the_previous_record_stands_again()
    {
        await AddMarathon("2:07:59");

        var annulled = await Ledger("annul-result", Athlete, "2026-04-12-rotterdam-marathon-marathon", "--reason", "positive test");

        annulled.Exit.ShouldBe(0, annulled.Err);
        (await db.Queries.PersonalBestsAsync(Athlete)).Bests.Single().Mark.ToString().ShouldBe("2:12:42");
        var history = (await db.Queries.RecordHistoryAsync("MGL", Domain.Discipline.Parse("marathon"), Domain.Sex.Men)).Progression;
        history.Select(p => (p.Mark.ToString(), p.Status)).ShouldBe([("2:12:42", Domain.RecordStatus.Standing), ("2:07:59", Domain.RecordStatus.Rescinded)]);
        history[1].RescindReason!.ShouldContain("positive test");
    }

    [Fact]
    public async Task Correcting_the_record_mark_slower_rescinds_it_and_weighs_the_corrected_mark_again()
    {
        await AddMarathon("2:07:59");

        var corrected = await Ledger("correct-result", Athlete, "2026-04-12-rotterdam-marathon-marathon", "--mark", "2:11:59", "--reason", "timing error");

        corrected.Exit.ShouldBe(0, corrected.Err);
        corrected.Json["national_record"]!.GetValue<bool>().ShouldBeTrue();
        (await db.Queries.RecordsAsync("MGL")).Records.Single().Mark.ToString().ShouldBe("2:11:59");
        var audit = await db.Queries.AuditAsync(Athlete);
        var correction = audit.Events.Single(e => e["type"]!.GetValue<string>() == "result_corrected");
        correction["before"]!["mark"]!.GetValue<string>().ShouldBe("2:07:59");
        correction["after"]!["mark"]!.GetValue<string>().ShouldBe("2:11:59");
        correction["reason"]!.GetValue<string>().ShouldBe("timing error");
    }

    [Fact]
    public async Task A_result_added_by_hand_is_skipped_when_the_official_results_file_brings_it_again()
    {
        (await AddMarathon("2:07:59", more: ["--result-id", "probe-1"])).Exit.ShouldBe(0);
        var official = Path.Combine(Directory.CreateTempSubdirectory("ledger-official-").FullName, "results.jsonl");
        await File.WriteAllLinesAsync(official, [Lines.Result("probe-1", "2026-04-12", "2:07:59", competition: "Rotterdam Marathon")]);

        var imported = await Ledger("import", official);

        imported.Exit.ShouldBe(0, imported.Err);
        (imported.Json["appended"]!.GetValue<int>(), imported.Json["skipped"]!.GetValue<int>()).ShouldBe((0, 1));
    }

    [Fact]
    public async Task The_same_command_id_twice_appends_once_and_answers_the_same()
    {
        var first = await AddMarathon("2:07:59", more: ["--command-id", "federation-42"]);
        var count = await AuditCount();

        var again = await AddMarathon("2:07:59", more: ["--command-id", "federation-42"]);

        again.Exit.ShouldBe(0, again.Err);
        again.Out.ShouldBe(first.Out);
        (await AuditCount()).ShouldBe(count);
    }

    [Fact]
    public async Task A_womens_result_never_touches_the_mens_record()
    {
        (await Ledger("register-athlete", "otgonbayar", "--name", "Luvsanlkhündegiin Otgonbayar", "--country", "MGL", "--sex", "women", "--born", "1982")).Exit.ShouldBe(0);

        var added = await AddMarathon("2:30:00", athlete: "otgonbayar");

        added.Json["national_record"]!.GetValue<bool>().ShouldBeTrue();
        var records = (await db.Queries.RecordsAsync("MGL")).Records;
        records.Select(r => (r.Sex, r.Mark.ToString())).ShouldBe([(Domain.Sex.Men, "2:12:42"), (Domain.Sex.Women, "2:30:00")]);
    }

    [Fact]
    public async Task Every_append_records_the_user_and_a_correlation_id()
    {
        await Ledger("award-honour", Athlete, "--honour", "flag_bearer", "--occasion", "2012 Olympic Games opening ceremony", "--date", "2012-07-27", "--user", "statistician");

        var honour = (await db.Queries.AuditAsync(Athlete)).Events.Last();
        honour["user"]!.GetValue<string>().ShouldBe("statistician");
        honour["correlation_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Club_moves_are_recorded_in_the_timeline_in_date_order()
    {
        (await Ledger("join-club", Athlete, "Morpeth Harriers", "--date", "2009-04", "--city", "Morpeth")).Exit.ShouldBe(0);
        (await Ledger("leave-club", Athlete, "Morpeth Harriers", "--date", "2020")).Exit.ShouldBe(0);

        var timeline = (await db.Queries.TimelineAsync(Athlete)).Events.Select(e => (e["date"]!.GetValue<string>(), e["type"]!.GetValue<string>()));
        timeline.ShouldBe([("2009-04", "club_joined"), ("2010-09-26", "result_recorded"), ("2010-09-26", "national_record_set"), ("2020", "club_left")]);
    }

    public static TheoryData<string[]> Refusals => new()
    {
        { ["add-result", "nobody", "--date", "2026-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:30:00"] },
        { ["register-athlete", Athlete, "--name", "Again", "--country", "MGL", "--sex", "men"] },
        { ["add-result", Athlete, "--date", "2026-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:61:00"] },
        { ["add-result", Athlete, "--date", "2026-02-30", "--competition", "X", "--discipline", "marathon", "--mark", "2:30:00"] },
        { ["add-result", Athlete, "--date", "2026-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:30:00", "--place", "0"] },
        { ["add-result", Athlete, "--date", "2026-01-01", "--competition", " ", "--discipline", "marathon", "--mark", "2:30:00"] },
        { ["add-result", Athlete, "--date", "2026-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:30:00", "--championship", "diamond_league"] },
        { ["add-result", Athlete, "--date", "2026-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:30:00", "--status", "dnf"] },
        { ["add-result", Athlete, "--date", "1970-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:30:00"] },
        { ["annul-result", Athlete, "no-such-result", "--reason", "x"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_command_exits_2_and_appends_nothing(string[] args)
    {
        var before = await AuditCount();

        var refused = await Ledger(args);

        refused.Exit.ShouldBe(2, refused.Err);
        refused.Err.ShouldStartWith("refused: ");
        refused.Out.ShouldBeEmpty();
        (await AuditCount()).ShouldBe(before);
    }
}
