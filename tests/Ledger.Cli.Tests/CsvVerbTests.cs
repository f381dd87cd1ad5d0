using System.Text.Json.Nodes;
using CsvHelper;
using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>A list as CSV through the real binary, as a statistician opens it in a spreadsheet.</summary>
public sealed class CsvVerbTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    private const string Quoted = "Бат-Очир \"Ziggy\" Ser-Od";
    private const string Formula = "=SUM(1+2)";

    public async ValueTask InitializeAsync() =>
        await db.ResetToAsync(
            Lines.Registered().Replace($"\"name\":\"{Lines.Athlete}\"", $"\"name\":{JsonValue.Create(Quoted).ToJsonString()}"),
            Result(Lines.Athlete, "fukuoka-2014", "2014-12-07", "2:08:50", "Fukuoka Marathon", "Fukuoka, Japan"),
            Lines.Registered("rival").Replace("\"name\":\"rival\"", $"\"name\":\"{Formula}\""),
            Result("rival", "rival-1", "2015-04-12", "2:10:00", "@Berlin Marathon", venue: null));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Result(string athlete, string id, string date, string mark, string competition, string? venue) =>
        new JsonObject
        {
            ["type"] = "result_recorded", ["athlete"] = athlete, ["result_id"] = id, ["date"] = date, ["competition"] = competition,
            ["discipline"] = "marathon", ["status"] = "finished", ["mark"] = mark, ["venue"] = venue,
        }.ToJsonString();

    [Fact]
    public async Task The_toplist_as_csv_has_the_json_keys_as_its_header_quotes_what_needs_it_and_keeps_formulas_text()
    {
        var csv = await Cli.RunAsync(db.ConnectionString, "toplist", "marathon", "--sex", "men", "--csv");
        csv.Exit.ShouldBe(0, csv.Err);

        csv.Out.ShouldBe(
            "rank,mark,athlete,name,country,date,competition,venue,result_id,wind\r\n" +
            "1,2:08:50,bat-ochir-ser-od,\"Бат-Очир \"\"Ziggy\"\" Ser-Od\",MGL,2014-12-07,Fukuoka Marathon,\"Fukuoka, Japan\",fukuoka-2014,\r\n" +
            "2,2:10:00,rival,\"'=SUM(1+2)\",MGL,2015-04-12,\"'@Berlin Marathon\",,rival-1,\r\n");
    }

    [Fact]
    public async Task The_csv_read_back_gives_the_json_entries_values_with_the_formula_guard_before_a_formula()
    {
        var json = await Cli.RunAsync(db.ConnectionString, "toplist", "marathon", "--sex", "men", "--json");
        var csv = await Cli.RunAsync(db.ConnectionString, "toplist", "marathon", "--sex", "men", "--csv");
        (json.Exit, csv.Exit).ShouldBe((0, 0), json.Err + csv.Err);

        using var reader = CsvReader.FromText(csv.Out, CsvReaderOptions.Default with { Separator = ',', TrimWhitespace = false });
        var entries = json.Json["entries"]!.AsArray();
        var headers = reader.Headers.ToList();
        // Every key of every entry, and wind, which a toplist entry has where its mark has a reading.
        headers.ShouldBe([.. entries[0]!.AsObject().Select(key => key.Key), "wind"]);
        var read = 0;
        while (reader.Read())
        {
            var entry = entries[read++]!.AsObject();
            for (var column = 0; column < headers.Count; column++)
                (reader.GetString(column) ?? "").ShouldBe(Guarded(entry[headers[column]]), headers[column]);
        }

        read.ShouldBe(2);
    }

    [Fact]
    public async Task Csv_and_json_together_are_refused_naming_both()
    {
        var both = await Cli.RunAsync(db.ConnectionString, "pbs", Lines.Athlete, "--csv", "--json");

        (both.Exit, both.Out).ShouldBe((2, ""));
        both.Err.ShouldContain("give --csv or --json, not both");
    }

    /// <summary>A JSON value as the CSV should hold it: its text, after a ' where a spreadsheet would take it for a formula.</summary>
    private static string Guarded(JsonNode? value)
    {
        var text = value is null ? "" : value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? $"'{text}" : text;
    }
}
