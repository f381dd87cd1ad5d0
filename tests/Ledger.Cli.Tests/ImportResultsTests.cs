using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using MiniExcelLibs;
using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>A season's results from a spreadsheet, through the real CLI, decided as add-result decides them.</summary>
public sealed class ImportResultsTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;
    private static readonly string Seed = Path.Combine(Repository.Events, "bat-ochir-ser-od.jsonl");
    private readonly TempFolder _folder = new("ledger-sheets-");

    public async ValueTask InitializeAsync() => await db.ResetAsync();

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<Cli.Outcome> Ledger(params string[] args) => Cli.RunAsync(db.ConnectionString, [.. args, "--json"]);

    /// <summary>
    /// His races, one row each, the columns named as the results' fields; a race in a discipline outside the catalogue
    /// (a road relay) says it is the federation's own, as a statistician adding it would.
    /// </summary>
    private static List<Dictionary<string, string>> Races() => File.ReadLines(Seed)
        .Select(line => JsonNode.Parse(line)!.AsObject())
        .Where(e => (string?)e["type"] == "result_recorded")
        .Select(e => e.Where(f => f.Key != "type").ToDictionary(f => f.Key, f => f.Value!.GetValueKind() == JsonValueKind.String
            ? f.Value.GetValue<string>()
            : f.Value.ToJsonString()))
        .Select(row => Discipline.Parse(row["discipline"]).InCatalogue ? row : new(row) { ["new_discipline"] = "true" })
        .ToList();

    private string Csv(string name, IReadOnlyList<Dictionary<string, string>> rows)
    {
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToArray();
        var path = _folder.File(name);
        using var file = File.Create(path);
        using var csv = CsvWriter.Create(file, CsvWriterOptions.Default);
        csv.WriteHeader(columns);
        foreach (var row in rows) csv.WriteRecord(columns.Select(c => row.GetValueOrDefault(c)).ToArray());
        return path;
    }

    private string Xlsx(string name, IReadOnlyList<Dictionary<string, string>> rows)
    {
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToArray();
        var path = _folder.File(name);
        MiniExcel.SaveAs(path, rows.Select(r => columns.ToDictionary(c => c, object? (c) => r.GetValueOrDefault(c))));
        return path;
    }

    private async Task<string[]> LedgerOfHim() =>
    [
        (await Ledger("pbs", Athlete)).Out, (await Ledger("championships", Athlete)).Out, (await Ledger("records", "MGL")).Out,
        (await Ledger("toplist", "marathon", "--sex", "men")).Out,
    ];

    /// <summary>The disciplines where a best is known from a list, with no race, and stands above his races.</summary>
    private static readonly string[] Reported = File.ReadLines(Seed).Select(line => JsonNode.Parse(line)!)
        .Where(e => (string?)e["type"] == "best_mark_reported").Select(e => (string)e["discipline"]!).ToArray();

    /// <summary>The disciplines his event file holds a national record of: the article names no other (a 10 km road record, say).</summary>
    private static readonly string[] Recorded = File.ReadLines(Seed).Select(line => JsonNode.Parse(line)!)
        .Where(e => (string?)e["type"] == "national_record_set").Select(e => (string)e["discipline"]!).Distinct().ToArray();

    /// <summary>
    /// What a ledger says of him that his races decide: his championships, his place in the marathon's list, and his bests and
    /// records in the disciplines without a reported best (known from a list, with no race) and, for records, those the article gives.
    /// A record a sheet decides is claimed, pending ratification, where the file holds it ratified: the records' status is left out.
    /// </summary>
    private static string[] Raced(string[] answers)
    {
        JsonArray Of(string json, string list, Func<string, bool> kept) => new(JsonNode.Parse(json)![list]!.AsArray()
            .Where(e => kept((string)e!["discipline"]!) && !Reported.Contains((string)e!["discipline"]!))
            .Select(e => e!.DeepClone()).Select(e => { e.AsObject().Remove("status"); return e; }).ToArray());
        return [Of(answers[0], "bests", _ => true).ToJsonString(), answers[1], Of(answers[2], "records", Recorded.Contains).ToJsonString(), answers[3]];
    }

    [Fact]
    public async Task His_races_from_a_spreadsheet_give_the_bests_records_and_championships_his_event_file_gives()
    {
        (await Ledger("import", Seed)).Exit.ShouldBe(0);
        var fromEvents = Raced(await LedgerOfHim());
        await db.ResetToAsync(File.ReadLines(Seed).First());
        var sheet = Csv("races.csv", Races());

        var imported = await Ledger("import-results", sheet);
        var again = await Ledger("import-results", sheet);

        imported.Exit.ShouldBe(0, imported.Err);
        imported.Json["appended"]!.GetValue<int>().ShouldBe(Races().Count);
        Raced(await LedgerOfHim()).ShouldBe(fromEvents);
        again.Exit.ShouldBe(0, again.Err);
        (again.Json["appended"]!.GetValue<int>(), again.Json["skipped"]!.GetValue<int>()).ShouldBe((0, Races().Count));

        await db.ResetToAsync(File.ReadLines(Seed).First());
        (await Ledger("import-results", Xlsx("races.xlsx", Races()))).Exit.ShouldBe(0);
        Raced(await LedgerOfHim()).ShouldBe(fromEvents);
    }

    [Fact]
    public async Task A_dry_run_counts_what_would_be_appended_and_writes_nothing()
    {
        var sheet = Csv("season.csv",
        [
            new() { ["name"] = "Jan Müller", ["country"] = "ger", ["sex"] = "men", ["date"] = "2024-04-21", ["competition"] = "Hamburg Marathon",
                ["discipline"] = "marathon", ["mark"] = "2:09:30" },
            new() { ["athlete"] = "jan-muller", ["date"] = "2024-10-27", ["competition"] = "Frankfurt Marathon", ["discipline"] = "marathon",
                ["mark"] = "2:08:10" },
            new() { ["name"] = "Anna Schmidt", ["country"] = "GER", ["sex"] = "women", ["date"] = "2024-04-21", ["competition"] = "Hamburg Marathon",
                ["discipline"] = "marathon", ["mark"] = "2:25:00", ["place"] = "1" },
        ]);

        var dry = await Ledger("import-results", sheet, "--dry-run");

        dry.Exit.ShouldBe(0, dry.Err);
        dry.Json.ToJsonString().ShouldBe("""
            {"appended":3,"skipped":0,"athletes_registered":2,"personal_bests":3,"records":{"world":3,"europe":3,"GER":3},"results_by_athlete":{"anna-schmidt":1,"jan-muller":2}}
            """);
        (await db.Athletes.AthletesAsync()).Total.ShouldBe(0);
        var real = await Ledger("import-results", sheet);
        real.Json.ToJsonString().ShouldBe(dry.Json.ToJsonString());
        (await db.Records.RecordsAsync("GER")).Records.Select(r => r.Mark.ToString()).ShouldBe(["2:08:10", "2:25:00"], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_wrong_cell_of_every_file_is_named_with_its_line_and_nothing_is_appended()
    {
        var good = Csv("good.csv", [Races()[0]]);
        var rows = Races().Take(4).Select(r => new Dictionary<string, string>(r)).ToList();
        rows[3] = new Dictionary<string, string>
        {
            ["athlete"] = "new-runner", ["name"] = "New Runner", ["country"] = "XYZ", ["sex"] = "men", ["date"] = "2024-05-01",
            ["competition"] = "Ulaanbaatar Marathon", ["discipline"] = "marathon", ["mark"] = "2:61:00",
        };
        var bad = Csv("bad.csv", rows);

        var refused = await Ledger("import-results", good, bad);

        refused.Exit.ShouldBe(2);
        refused.Err.ShouldContain("bad.csv:5: field 'mark'");
        refused.Err.ShouldContain("bad.csv:5: field 'country'");
        (await db.Athletes.AthletesAsync()).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_column_that_is_no_field_is_refused_by_name()
    {
        var sheet = _folder.File("odd.csv");
        await File.WriteAllTextAsync(sheet, "athlete,date,competition,discipline,mark,tempo\nx,2024-01-01,X,marathon,2:30:00,fast\n");

        var refused = await Ledger("import-results", sheet);

        refused.Exit.ShouldBe(2);
        refused.Err.ShouldContain("odd.csv:1: field 'tempo': is not a column of a results sheet");
    }

    [Fact]
    public async Task A_file_in_windows_1252_is_refused_naming_its_line_unless_its_encoding_is_named()
    {
        await db.ResetToAsync(File.ReadLines(Seed).First());
        var sheet = _folder.File("latin.csv");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await File.WriteAllTextAsync(sheet, $"athlete,date,competition,discipline,mark\n{Athlete},2024-05-01,Zürich Marathon,marathon,2:20:00\n",
            System.Text.Encoding.GetEncoding("windows-1252"));

        var refused = await Ledger("import-results", sheet);
        var named = await Ledger("import-results", sheet, "--encoding", "windows-1252");

        refused.Exit.ShouldBe(2);
        refused.Err.ShouldContain("latin.csv:2");
        named.Exit.ShouldBe(0, named.Err);
        (await db.Careers.TimelineAsync(Athlete)).Events.Select(e => e.Event).OfType<ResultRecorded>().ShouldContain(r => r.Competition == "Zürich Marathon");
    }
}
