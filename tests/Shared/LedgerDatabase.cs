using Marten;

namespace Ledger.Tests;

/// <summary>A test class's own database, with the ledger's store configured exactly as the CLI's.</summary>
public sealed class LedgerDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";
    public DocumentStore Store { get; private set; } = null!;
    public Importer Importer => new(Store);
    public AthleteQueries Athletes => new(Store);
    public CareerQueries Careers => new(Store);
    public RecordQueries Records => new(Store);
    public ToplistQueries Toplists => new(Store);
    public AuditQueries Audit => new(Store);

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync();
        Store = DocumentStore.For(options => LedgerStore.Configure(options, ConnectionString));
        await Store.EnsureCurrentAsync();
    }

    public Task ResetAsync() => EmptyAsync(Store);

    /// <summary>Empties a ledger: Marten's documents and events, and the plain tables of the lean read models, which Marten leaves.</summary>
    public static async Task EmptyAsync(DocumentStore store)
    {
        await store.Advanced.ResetAllData();
        await using var session = store.LightweightSession();
        foreach (var table in store.Options.Storage.ExtendedSchemaObjects.OfType<Weasel.Postgresql.Tables.Table>())
            session.QueueSqlCommand($"truncate {table.Identifier}");
        await session.SaveChangesAsync();
    }

    /// <summary>Empties the ledger and imports these lines: the career a test class starts from.</summary>
    public async Task ResetToAsync(params string[] career)
    {
        await ResetAsync();
        await ImportAsync("career.jsonl", career);
    }

    /// <summary>Writes the lines to a file of the given name and imports it.</summary>
    public async Task<ImportOutcome> ImportAsync(string fileName, params string[] lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{fileName}");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            return await Importer.ImportAsync([file], new Actor("tester", Guid.NewGuid().ToString("N")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Lines of the contract's event format, for tests to compose careers from.</summary>
public static class Lines
{
    public const string Athlete = "bat-ochir-ser-od";

    /// <summary>The athlete, his Berlin 2010 result and the national record it set: where most command tests start.</summary>
    public static string[] RecordHolder => [Registered(), Result("berlin-2010", "2010-09-26", "2:12:42"), Record("2:12:42", "2010-09-26", "berlin-2010")];

    public static string Registered(string athlete = Athlete, string country = "MGL", string sex = "men", string born = "1981-10-07") =>
        $$"""{"type":"athlete_registered","athlete":"{{athlete}}","name":"{{athlete}}","country":"{{country}}","sex":"{{sex}}","born":"{{born}}"}""";

    public static string Result(string id, string date, string mark, string discipline = "marathon", string athlete = Athlete, string status = "finished",
        string? championship = null, int? place = null, string? competition = null) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "result_recorded", ["athlete"] = athlete, ["result_id"] = id, ["date"] = date,
            ["competition"] = competition ?? $"Race {id}", ["discipline"] = discipline, ["status"] = status,
            ["mark"] = status == "finished" ? mark : null, ["place"] = place, ["championship"] = championship,
        }.Where(kv => kv.Value is not null).ToDictionary());

    public static string Record(string mark, string date, string resultId, string athlete = Athlete, string country = "MGL", string sex = "men",
        string discipline = "marathon") =>
        $$"""{"type":"national_record_set","athlete":"{{athlete}}","discipline":"{{discipline}}","mark":"{{mark}}","date":"{{date}}",""" +
        $$"""
        "country":"{{country}}","sex":"{{sex}}","result_id":"{{resultId}}","competition":"Race {{resultId}}"}
        """;

    public static string Rescinded(string mark, string resultId, string reason, string athlete = Athlete, string country = "MGL", string sex = "men",
        string discipline = "marathon") =>
        $$"""{"type":"national_record_rescinded","athlete":"{{athlete}}","discipline":"{{discipline}}","mark":"{{mark}}",""" +
        $$"""
        "country":"{{country}}","sex":"{{sex}}","reason":"{{reason}}","result_id":"{{resultId}}"}
        """;

    public static string Corrected(string resultId, string reason, string? mark = null, string? date = null, int? place = null, string athlete = Athlete) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "result_corrected", ["athlete"] = athlete, ["result_id"] = resultId, ["reason"] = reason,
            ["mark"] = mark, ["date"] = date, ["place"] = place,
        }.Where(kv => kv.Value is not null).ToDictionary());

    public static string Annulled(string resultId, string reason, string athlete = Athlete) =>
        $$"""{"type":"result_annulled","athlete":"{{athlete}}","result_id":"{{resultId}}","reason":"{{reason}}"}""";

    /// <summary>A time of so many seconds as athletics writes it: 2:12:00.</summary>
    public static string Time(int seconds) => $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}";

    public static string Reported(string discipline, string mark, string date, string athlete = Athlete) =>
        $$"""{"type":"best_mark_reported","athlete":"{{athlete}}","discipline":"{{discipline}}","mark":"{{mark}}","date":"{{date}}"}""";

    /// <summary>
    /// A federation's athletes, each with one marathon: 70 Kenyans (40 men, 30 women), 40 Ethiopians
    /// and 20 Mongolians, named "Runner 000" ... "Runner 129".
    /// </summary>
    public static string[] Federation =>
        Enumerable.Range(0, 130)
            .Select(i => (Athlete: $"runner-{i:D3}", Country: i < 70 ? "KEN" : i < 110 ? "ETH" : "MGL", Sex: i < 40 || i >= 70 ? "men" : "women"))
            .SelectMany(a => new[]
            {
                Registered(a.Athlete, a.Country, a.Sex).Replace($"\"name\":\"{a.Athlete}\"", $"\"name\":\"Runner {a.Athlete[^3..]}\""),
                Result($"{a.Athlete}-1", "2024-04-21", "2:10:00", athlete: a.Athlete),
            }).ToArray();
}
