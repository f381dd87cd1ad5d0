using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>
/// The writing verbs as smoke tests of the real binary, each a process of its own sending one command
/// through the bus: the rules themselves are tested in process (Ledger.Store.Tests' CommandRuleTests).
/// </summary>
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

    private async Task<int> AuditCount(string athlete = Athlete) => (await db.Audit.AuditAsync(athlete)).Events.Count;

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
        (await db.Records.RecordsAsync("MGL")).Records.ShouldHaveSingleItem().Mark.ToString().ShouldBe("2:07:59");
    }

    [Fact]
    public async Task A_result_added_by_hand_is_skipped_when_the_official_results_file_brings_it_again()
    {
        (await AddMarathon("2:07:59", more: ["--result-id", "probe-1"])).Exit.ShouldBe(0);
        using var folder = new TempFolder("ledger-official-");
        var official = folder.File("results.jsonl");
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
        again.Err.ShouldContain("answered before");
        (await AuditCount()).ShouldBe(count);
    }

    [Fact]
    public async Task A_command_id_is_its_users_own_and_refused_with_other_input()
    {
        (await AddMarathon("2:07:59", more: ["--command-id", "42", "--user", "jane"])).Exit.ShouldBe(0);
        var count = await AuditCount();

        var otherInput = await AddMarathon("2:06:59", more: ["--command-id", "42", "--user", "jane"]);
        var otherUser = await AddMarathon("2:09:00", date: "2026-05-01", more: ["--command-id", "42", "--user", "john"]);

        otherInput.Exit.ShouldBe(2);
        otherInput.Err.ShouldContain("command-id");
        otherUser.Exit.ShouldBe(0, otherUser.Err);
        otherUser.Json["result_id"]!.GetValue<string>().ShouldBe("2026-05-01-rotterdam-marathon-marathon");
        (await AuditCount()).ShouldBe(count + 1);
    }

    [Fact]
    public async Task A_result_with_three_bad_fields_is_refused_naming_all_three()
    {
        var refused = await Ledger("add-result", Athlete, "--date", "2026-02-30", "--competition", "X", "--discipline", "marathon", "--mark", "2:61:00",
            "--place", "-3");

        refused.Exit.ShouldBe(2);
        foreach (var field in new[] { "date", "mark", "place" }) refused.Err.ShouldContain($"field '{field}'");
    }

    public static TheoryData<string[]> Refusals => new()
    {
        { ["add-result", "nobody", "--date", "2026-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:30:00"] },
        { ["register-athlete", Athlete, "--name", "Again", "--country", "MGL", "--sex", "men"] },
        { ["add-result", Athlete, "--date", "2026-01-01", "--competition", "X", "--discipline", "marathon", "--mark", "2:61:00"] },
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
