using Shouldly;

namespace Ledger.Cli.Tests;

public sealed class CliTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ledger-cli-").FullName;

    public async ValueTask InitializeAsync()
    {
        await db.ResetAsync();
        await File.WriteAllLinesAsync(Path.Combine(_folder, "career.jsonl"),
        [
            Lines.Registered(),
            Lines.Result("berlin-2010", "2010-09-26", "2:12:42"),
            Lines.Record("2:12:42", "2010-09-26", "berlin-2010"),
            Lines.Result("tokyo-2021", "2021-08-08", "", status: "dnf", championship: "olympic_games"),
        ]);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<Cli.Outcome> Ledger(params string[] args) => Cli.RunAsync(db.ConnectionString, args);

    /// <summary>Imports a file or folder (the career when none is named), which must succeed: the answer.</summary>
    private async Task<(int Appended, int Skipped)> Import(string? path = null, string? connectionString = null)
    {
        var imported = await Cli.RunAsync(connectionString ?? db.ConnectionString, "import", path ?? _folder, "--json");
        imported.Exit.ShouldBe(0, imported.Err);
        return (imported.Json["appended"]!.GetValue<int>(), imported.Json["skipped"]!.GetValue<int>());
    }

    [Fact]
    public async Task Import_twice_appends_nothing_the_second_time()
    {
        (await Import()).ShouldBe((4, 0));

        (await Import()).ShouldBe((0, 4));
    }

    [Fact]
    public async Task A_bad_mark_on_line_2_exits_2_names_the_line_and_appends_nothing()
    {
        await Import();
        var bad = Path.Combine(_folder, "bad.jsonl.txt");
        await File.WriteAllLinesAsync(bad, [Lines.Result("ok", "2026-01-05", "2:30:00"), Lines.Result("bad", "2026-01-06", "2:61:00")]);

        var refused = await Ledger("import", bad, "--json");

        refused.Exit.ShouldBe(2);
        refused.Out.ShouldBeEmpty();
        refused.Err.ShouldContain("bad.jsonl.txt:2: field 'mark'");
        (await Ledger("audit", Lines.Athlete, "--json")).Json["events"]!.AsArray().Count.ShouldBe(4);
    }

    [Fact]
    public async Task Read_verbs_print_one_json_document_of_the_contract_shape()
    {
        await Import();

        var pbs = (await Ledger("pbs", Lines.Athlete, "--json")).Json;
        pbs["athlete"]!.GetValue<string>().ShouldBe(Lines.Athlete);
        pbs.ContainsKey("as_of").ShouldBeTrue();
        pbs["bests"]![0]!["mark"]!.GetValue<string>().ShouldBe("2:12:42");

        var records = (await Ledger("records", "MGL", "--sex", "men", "--json")).Json;
        records["records"]![0]!["athlete"]!.GetValue<string>().ShouldBe(Lines.Athlete);

        var history = (await Ledger("record-history", "MGL", "marathon", "--json")).Json;
        history["progression"]![0]!["status"]!.GetValue<string>().ShouldBe("standing");

        var championships = (await Ledger("championships", Lines.Athlete, "--json")).Json;
        championships["championships"]![0]!["dnf"]!.GetValue<int>().ShouldBe(1);

        var timeline = (await Ledger("timeline", Lines.Athlete, "--as-of", "2010-12-31", "--json")).Json;
        timeline["events"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Known_at_before_anything_was_appended_answers_with_no_bests()
    {
        await Import();

        var pbs = await Ledger("pbs", Lines.Athlete, "--known-at", "2000-01-01T00:00:00Z", "--json");

        pbs.Exit.ShouldBe(0, pbs.Err);
        pbs.Json["bests"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("pbs", "nobody")]
    [InlineData("pbs", Lines.Athlete, "--as-of", "2026-02-30")]
    [InlineData("records", "MGL", "--sex", "mixed")]
    [InlineData("pbs", Lines.Athlete, "--known-at", "yesterday")]
    public async Task Refused_input_exits_2_with_the_reason_on_stderr(params string[] args)
    {
        await Import();

        var refused = await Ledger([.. args, "--json"]);

        refused.Exit.ShouldBe(2);
        refused.Err.ShouldStartWith("refused: ");
        refused.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Export_writes_one_file_per_athlete_that_imports_into_an_empty_ledger_unchanged()
    {
        await Import();
        var export = Path.Combine(_folder, "export");

        var exported = await Ledger("export", "--out", export, "--json");

        exported.Exit.ShouldBe(0, exported.Err);
        exported.Json["exported"]!.GetValue<int>().ShouldBe(4);
        File.Exists(Path.Combine(export, $"{Lines.Athlete}.jsonl")).ShouldBeTrue();
        await using var empty = new LedgerDatabase();
        await empty.InitializeAsync();
        (await Import(export, empty.ConnectionString)).ShouldBe((4, 0));
        ViewJson.Write(await empty.Audit.AuditAsync(Lines.Athlete)).ShouldBe(ViewJson.Write(await db.Audit.AuditAsync(Lines.Athlete)));
    }

    [Fact]
    public async Task A_partial_as_of_date_counts_to_its_last_day()
    {
        await Import();

        var pbs = await Ledger("pbs", Lines.Athlete, "--as-of", "2010", "--json");

        // Berlin, 2010-09-26, is within 2010 (HttpTests take a month the same way).
        pbs.Exit.ShouldBe(0, pbs.Err);
        pbs.Json["as_of"]!.GetValue<string>().ShouldBe("2010-12-31");
        pbs.Json["bests"]!.AsArray().Select(b => b!["mark"]!.GetValue<string>()).ShouldBe(["2:12:42"]);
    }

    [Fact]
    public async Task Without_a_connection_or_server_binaries_it_says_how_to_get_a_database()
    {
        var outcome = await Cli.RunWithAsync(new()
        {
            ["LEDGER_CONNECTION"] = null,
            ["LEDGER_PG_BIN"] = Path.Combine(_folder, "no-postgres-here"),
            ["LEDGER_DATA_DIR"] = Path.Combine(_folder, "data"),
        }, "athletes", "--json");

        outcome.Exit.ShouldBe(1);
        outcome.Err.ShouldContain("were not found");
        outcome.Err.ShouldContain("docker compose up -d");
    }

    [Fact]
    public async Task Demo_from_the_repository_root_imports_events_and_shows_the_seed_athlete()
    {
        var demo = await Ledger("demo", "--json");

        demo.Exit.ShouldBe(0, demo.Err);
        demo.Json["bests"]!["bests"]!.AsArray().Count.ShouldBe(5);
        demo.Json["records"]!["records"]!.AsArray().Count.ShouldBe(4);
        demo.Json["championships"]!["championships"]![0]!["editions"]!.GetValue<int>().ShouldBe(6);
        (await Ledger("demo", Repository.Events, "--json")).Json["import"]!["appended"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_connection_the_ledger_runs_its_own_postgres_and_stops_it_on_request()
    {
        // A folder PostgreSQL's own account can reach when the tests run as root, as under /var/lib.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        var own = new Dictionary<string, string?> { ["LEDGER_CONNECTION"] = null, ["LEDGER_DATA_DIR"] = Path.Combine(_folder, "own-postgres") };
        try
        {
            var import = await Cli.RunWithAsync(own, "import", _folder, "--json");
            import.Exit.ShouldBe(0, import.Err);
            (await Cli.RunWithAsync(own, "db", "status", "--json")).Json["running"]!.GetValue<bool>().ShouldBeTrue();

            (await Cli.RunWithAsync(own, "db", "stop", "--json")).Json["running"]!.GetValue<bool>().ShouldBeFalse();

            var again = await Cli.RunWithAsync(own, "pbs", Lines.Athlete, "--json");
            again.Exit.ShouldBe(0, again.Err);
            again.Json["bests"]![0]!["mark"]!.GetValue<string>().ShouldBe("2:12:42");
        }
        finally
        {
            await Cli.RunWithAsync(own, "db", "stop");
        }
    }

    [Fact]
    public async Task As_root_a_data_folder_postgres_cannot_reach_is_refused_with_a_way_out()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "only root hands the server to the postgres account");

        var closed = await Cli.RunWithAsync(new() { ["LEDGER_CONNECTION"] = null, ["LEDGER_DATA_DIR"] = Path.Combine(_folder, "closed", "postgres") },
            "athletes");

        closed.Exit.ShouldBe(1);
        closed.Err.ShouldContain("cannot reach");
        closed.Err.ShouldContain("LEDGER_DATA_DIR");
    }

    [Theory]
    [InlineData("pbs")]
    [InlineData("pbs", Lines.Athlete, "--no-such-flag")]
    public async Task Wrong_arguments_to_a_ledger_verb_exit_2_with_the_usage_on_stderr(params string[] args)
    {
        var refused = await Ledger(args);

        refused.Exit.ShouldBe(2);
        refused.Out.Trim().ShouldBeEmpty();
        refused.Err.ShouldContain("pbs");
    }
}
