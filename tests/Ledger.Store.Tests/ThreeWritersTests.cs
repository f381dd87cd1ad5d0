using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events.Projections;
using Marten;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// The three writers of the read models agree. The same facts arrive by commands through the bus (the projections inline),
/// by an import of the file their export gives (BulkAppend's own COPY), and by a rebuild of every projection from the imported
/// events alone (the daemon); each on a database of its own. Every read-model table must then hold the same rows, so a read
/// model that one path forgets, or writes in its own way, shows here.
/// </summary>
public sealed class ThreeWritersTests(ApiHost api) : IClassFixture<ApiHost>
{
    /// <summary>Tables of documents no projection writes: what commands keep for idempotency, the write keys, and the daemon's dead letters.</summary>
    private static readonly string[] NotReadModels = ["mt_doc_processedcommand", "mt_doc_writekey", "mt_doc_deadletterevent"];

    [Fact]
    public async Task Commands_an_import_of_their_export_and_a_rebuild_of_the_import_leave_every_read_model_table_alike()
    {
        await api.Database.ResetAsync();
        await SendCommandsAsync();
        using var export = new TempFolder("ledger-three-writers-");
        var folder = export.Path;
        await new Exporter(api.Database.Store).ExportAsync([], folder);
        await using var imported = new LedgerDatabase();
        await using var rebuilt = new LedgerDatabase();
        await imported.InitializeAsync();
        await rebuilt.InitializeAsync();
        await imported.Importer.ImportAsync([folder], new Actor("tester", "three-writers"));
        await rebuilt.Importer.ImportAsync([folder], new Actor("tester", "three-writers"));
        var commanded = api.Database;
        var events = await EventsAsync(commanded);
        events.Length.ShouldBeGreaterThan(40);
        (await EventsAsync(imported)).ShouldBe(events, "the export and its import keep every event as it was, with its id and time");
        await RebuildFromTheEventsAloneAsync(rebuilt);

        var tables = await ReadModelTablesAsync(commanded);
        ProjectedTables(commanded).Except(tables).ShouldBeEmpty("every table a projection writes is compared");
        (await ReadModelTablesAsync(imported)).ShouldBe(tables);
        (await ReadModelTablesAsync(rebuilt)).ShouldBe(tables);
        var differences = new List<string>();
        foreach (var table in tables)
        {
            var rows = await RowsAsync(commanded, table);
            rows.ShouldNotBeEmpty($"{table}: the commands wrote no rows, so the test compares nothing there");
            differences.AddRange(Differences(table, "import", rows, await RowsAsync(imported, table)));
            differences.AddRange(Differences(table, "rebuild", rows, await RowsAsync(rebuilt, table)));
        }

        differences.ShouldBeEmpty();
    }

    /// <summary>
    /// Men and women of several countries and areas; marathons that claim world, area, national and Olympic records,
    /// one in a women-only race; sprints with the wind, one of them assisted; indoor marks; a correction and an annulment of
    /// results that claimed records; a record ratified and one declined.
    /// </summary>
    private async Task SendCommandsAsync()
    {
        await Register("eliud-kipchoge", "Eliud Kipchoge", "KEN", Sex.Men, "1984-11-05");
        await Register("kelvin-kiptum", "Kelvin Kiptum", "KEN", Sex.Men, "1999-12-02");
        await Register("samuel-wanjiru", "Samuel Wanjiru", "KEN", Sex.Men, "1986-11-10");
        await Register("kenenisa-bekele", "Kenenisa Bekele", "ETH", Sex.Men, "1982-06-13");
        await Register("tigst-assefa", "Tigst Assefa", "ETH", Sex.Women, "1996-12-03");
        await Register("paula-radcliffe", "Paula Radcliffe", "GBR", Sex.Women, "1973-12-17");
        await Register("usain-bolt", "Usain Bolt", "JAM", Sex.Men, "1986-08-21");
        await Register("shelly-ann-fraser-pryce", "Shelly-Ann Fraser-Pryce", "JAM", Sex.Women, "1986-12-27");
        await Register("armand-duplantis", "Armand Duplantis", "SWE", Sex.Men, "1999-11-10");
        await Register("bat-ochir-ser-od", "Ser-Od Bat-Ochir", "MGL", Sex.Men, "1981-10-07");

        await Add("eliud-kipchoge", "berlin-2018", "2018-09-16", "Berlin Marathon", "marathon", "2:01:39");
        await Add("kenenisa-bekele", "berlin-2019", "2019-09-29", "Berlin Marathon", "marathon", "2:01:41");
        await Add("eliud-kipchoge", "berlin-2022", "2022-09-25", "Berlin Marathon", "marathon", "2:01:09");
        await Add("kelvin-kiptum", "chicago-2023", "2023-10-08", "Chicago Marathon", "marathon", "2:00:35");
        await Add("samuel-wanjiru", "beijing-2008", "2008-08-24", "Olympic Games Beijing", "marathon", "2:06:32", championship: "olympic_games");
        await Add("paula-radcliffe", "london-2003", "2003-04-13", "London Marathon", "marathon", "2:15:25");
        await Add("tigst-assefa", "berlin-2023", "2023-09-24", "Berlin Marathon", "marathon", "2:11:53");
        await Add("tigst-assefa", "london-2025", "2025-04-27", "London Marathon", "marathon", "2:15:50", womenOnly: true);
        await Add("bat-ochir-ser-od", "berlin-2010", "2010-09-26", "Berlin Marathon", "marathon", "2:12:42");
        await Add("bat-ochir-ser-od", "rotterdam-2014", "2014-04-13", "Rotterdam Marathon", "marathon", "2:10:00");
        await Add("bat-ochir-ser-od", "daegu-2015", "2015-04-05", "Daegu Marathon", "marathon", "2:09:00");
        await Add("usain-bolt", "berlin-2009", "2009-08-16", "World Championships Berlin", "100m", "9.58", wind: "+0.9");
        await Add("usain-bolt", "london-2012", "2012-08-05", "Olympic Games London", "100m", "9.63", wind: "+1.5", championship: "olympic_games");
        await Add("usain-bolt", "ostrava-2011", "2011-05-31", "Golden Spike Ostrava", "100m", "9.60", wind: "+2.4");
        await Add("shelly-ann-fraser-pryce", "sopot-2014", "2014-03-09", "World Indoor Championships Sopot", "60m", "6.98", indoor: true);
        await Add("armand-duplantis", "torun-2020", "2020-02-08", "Orlen Copernicus Cup Torun", "pole-vault", "6.17", indoor: true);
        await Add("armand-duplantis", "paris-2024", "2024-08-05", "Olympic Games Paris", "pole-vault", "6.25", championship: "olympic_games");

        await api.SendAsync(new CorrectResult("bat-ochir-ser-od",
            CommandInput.Read<ResultCorrected>("bat-ochir-ser-od", Json("""{"result_id":"rotterdam-2014","reason":"timing","mark":"2:13:30"}""")), "tester"));
        await api.SendAsync(new AnnulResult("bat-ochir-ser-od", new ResultAnnulled("daegu-2015", "wrong athlete"), "tester"));
        await api.SendAsync(new RatifyRecord("eliud-kipchoge", new RecordRatified("world", "berlin-2022"), "world-athletics"));
        await api.SendAsync(new RatifyRecord("bat-ochir-ser-od", new RecordRatified("MGL", "berlin-2010"), "mongolian-federation"));
        await api.SendAsync(new RejectRecord("kelvin-kiptum", new RecordNotRatified("world", "chicago-2023", "a test of the ledger"), "world-athletics"));
    }

    private Task<AthleteAnswer> Register(string athlete, string name, string country, Sex sex, string born) =>
        api.SendAsync(new RegisterAthlete(athlete, new AthleteRegistered(name, country, sex, PartialDate.Parse(born)), "tester"));

    private Task<ResultAnswer> Add(string athlete, string id, string date, string competition, string discipline, string mark, string? wind = null,
        bool indoor = false, string? championship = null, bool womenOnly = false)
    {
        var fields = new JsonObject
        {
            ["result_id"] = id, ["date"] = date, ["competition"] = competition, ["discipline"] = discipline, ["mark"] = mark,
            ["wind"] = wind is null ? null : decimal.Parse(wind), ["indoor"] = indoor ? true : null, ["championship"] = championship,
            ["race"] = womenOnly ? "women_only" : null,
        };
        foreach (var empty in fields.Where(f => f.Value is null).Select(f => f.Key).ToList()) fields.Remove(empty);
        return api.SendAsync(new RecordResult(athlete, CommandInput.Read<ResultRecorded>(athlete, fields), "tester"));
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    /// <summary>
    /// Every read model made again by the daemon, as <c>projections rebuild</c> makes it, from tables emptied first: so no row
    /// the import wrote can stand in for one the rebuild leaves out.
    /// </summary>
    private static async Task RebuildFromTheEventsAloneAsync(LedgerDatabase db)
    {
        await using (var session = db.Store.LightweightSession())
        {
            foreach (var table in await ReadModelTablesAsync(db)) session.QueueSqlCommand($"truncate {LedgerStore.Schema}.{table}");
            await session.SaveChangesAsync();
        }

        using var daemon = await db.Store.BuildProjectionDaemonAsync();
        foreach (var projection in db.Store.Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live))
            await daemon.RebuildProjectionAsync(projection.Name, CancellationToken.None);
    }

    /// <summary>
    /// The ledger's document tables but those no projection writes, and its plain tables (a lean read model's); a new table is
    /// compared unless named there.
    /// </summary>
    private static async Task<string[]> ReadModelTablesAsync(LedgerDatabase db)
    {
        await using var session = db.Store.QuerySession();
        var tables = await session.QueryAsync<string>(
            $"select tablename::text from pg_tables where schemaname = '{LedgerStore.Schema}' and (tablename like 'mt_doc_%' or tablename = any(?)) " +
            "order by tablename", (object)PlainTables(db));
        return tables.Except(NotReadModels).ToArray();
    }

    /// <summary>The tables of the documents the stored (not live) projections publish, and the plain tables the store keeps for them.</summary>
    private static string[] ProjectedTables(LedgerDatabase db) =>
        db.Store.Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live).SelectMany(p => p.PublishedTypes()).Distinct()
            .Select(type => ((IDocumentStore)db.Store).Options.FindOrResolveDocumentType(type).TableName.Name).Concat(PlainTables(db)).ToArray();

    private static string[] PlainTables(LedgerDatabase db) =>
        db.Store.Options.Storage.ExtendedSchemaObjects.OfType<Weasel.Postgresql.Tables.Table>().Select(t => t.Identifier.Name).ToArray();

    /// <summary>
    /// Every row of the table as JSON, every column of it (a list's columns and the document alike) but those Marten stamps
    /// with the time or the event sequence it wrote the row at, which differ by path and which no read looks at.
    /// </summary>
    private static async Task<string[]> RowsAsync(LedgerDatabase db, string table)
    {
        await using var session = db.Store.QuerySession();
        return (await session.QueryAsync<string>(
                $"select (to_jsonb(t) - 'mt_last_modified' - 'mt_created_at' - 'mt_version')::text from {LedgerStore.Schema}.{table} t order by id"))
            .ToArray();
    }

    /// <summary>
    /// Every event as a fact of the event format, with its id, time, user and correlation: the store's JSON of an event differs
    /// by path (a command's has Marten's enum names, Men and WomenOnly; an import's the format's, men and women_only), its facts
    /// must not. Its sequence is left out too: an export writes athlete by athlete, so the import appends in that order.
    /// </summary>
    private static async Task<string[]> EventsAsync(LedgerDatabase db)
    {
        await using var session = db.Store.QuerySession();
        var rows = await session.QueryAsync<string>($"""
            select jsonb_build_object('id', id, 'stream', stream_id, 'type', type, 'data', data, 'recorded_at', timestamp,
              'user', user_name, 'correlation', correlation_id, 'version', version)::text
            from {LedgerStore.Schema}.mt_events order by id
            """);
        return rows.Select(row =>
        {
            var e = JsonNode.Parse(row)!;
            var type = EventFormat.EventTypes.Single(t => EventFormat.TypeName(t) == e["type"]!.GetValue<string>());
            var data = e["data"].Deserialize(type, EventFormat.Options)!;
            var envelope = new EventEnvelope(e["stream"]!.GetValue<string>(), data, e["id"]!.GetValue<Guid>(), e["recorded_at"]!.GetValue<DateTimeOffset>(),
                e["user"]!.GetValue<string>(), e["correlation"]!.GetValue<string>());
            return $"{EventFormat.Write(envelope)} version {e["version"]}";
        }).ToArray();
    }

    private static IEnumerable<string> Differences(string table, string path, string[] commanded, string[] written) =>
        commanded.Except(written).Select(row => $"{table}: the {path} left out {row}")
            .Concat(written.Except(commanded).Select(row => $"{table}: the {path} wrote {row}"));
}
