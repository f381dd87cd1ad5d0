using JasperFx.Events.Projections;
using System.Text.Json.Nodes;
using Marten;
using Npgsql;
using Shouldly;

namespace Ledger.Store.Tests;

public sealed class ImportTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await db.ResetAsync();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Importing_the_same_file_twice_appends_nothing_the_second_time()
    {
        string[] career = [Lines.Registered(), Lines.Result("berlin-2010", "2010-09-26", "2:12:42")];

        (await db.ImportAsync("career.jsonl", career)).ShouldBe(new ImportOutcome(2, 0));
        (await db.ImportAsync("career.jsonl", career)).ShouldBe(new ImportOutcome(0, 2));

        (await db.Audit.AuditAsync(Lines.Athlete)).Events.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_file_with_a_bad_mark_on_line_2_is_refused_whole_naming_the_line()
    {
        await db.ImportAsync("start.jsonl", Lines.Registered());

        var refused = await Should.ThrowAsync<Refused>(() => db.ImportAsync("bad.jsonl",
            Lines.Result("good", "2026-01-05", "2:30:00"),
            Lines.Result("bad", "2026-01-06", "2:61:00")));

        refused.Reasons.ShouldHaveSingleItem().ShouldContain("bad.jsonl:2: field 'mark'");
        refused.Reasons[0].ShouldContain("2:61:00");
        (await db.Audit.AuditAsync(Lines.Athlete)).Events.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_file_saved_as_latin_1_is_refused_naming_the_line_and_byte_and_nothing_is_appended()
    {
        using var folder = new TempFolder("ledger-latin1-");
        var file = folder.File("latin1.jsonl");
        var lines = new[] { Lines.Registered(), Lines.Registered("jan-muller", country: "GER").Replace("\"name\":\"jan-muller\"", "\"name\":\"Jan Müller\"") };
        await File.WriteAllTextAsync(file, string.Join("\n", lines), System.Text.Encoding.Latin1);

        var refused = await Should.ThrowAsync<Refused>(() => db.Importer.ImportAsync([file], new Actor("tester", "latin1")));

        refused.Reasons.ShouldHaveSingleItem().ShouldContain("latin1.jsonl:2: field '(line)': byte");
        refused.Reasons[0].ShouldContain("is not UTF-8");
        (await db.Athletes.AthletesAsync()).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_name_of_20_mb_is_refused_naming_the_line_and_field_not_failing_in_the_database()
    {
        var huge = Lines.Registered("huge").Replace("\"name\":\"huge\"", $"\"name\":\"{new string('x', 20_000_000)}\"");

        var refused = await Should.ThrowAsync<Refused>(() => db.ImportAsync("huge.jsonl", Lines.Registered(), huge));

        refused.Reasons.ShouldHaveSingleItem().ShouldEndWith("huge.jsonl:2: field 'name': is 20,000,000 characters long; it holds at most 200");
        (await db.Athletes.AthletesAsync()).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Every_bad_line_is_reported_not_only_the_first()
    {
        var refused = await Should.ThrowAsync<Refused>(() => db.ImportAsync("bad.jsonl",
            Lines.Registered(),
            Lines.Result("a", "2026-02-30", "2:30:00"),
            """{"type":"result_recorded","athlete":"bat-ochir-ser-od","result_id":"b","date":"2026-01-01","discipline":"marathon","status":"finished"}""",
            "not json"));

        refused.Reasons.Count.ShouldBe(3);
        refused.Reasons[0].ShouldContain(":2: field 'date'");
        refused.Reasons[1].ShouldContain(":3: field 'competition'");
        refused.Reasons[2].ShouldContain(":4:");
    }

    [Fact]
    public async Task A_result_for_an_athlete_never_registered_is_refused()
    {
        var refused = await Should.ThrowAsync<Refused>(() => db.ImportAsync("orphan.jsonl",
            Lines.Result("x", "2020", "2:20:00", athlete: "nobody")));

        refused.Reasons.ShouldHaveSingleItem().ShouldContain("not registered");
    }

    [Fact]
    public async Task A_correction_of_an_unknown_result_is_refused()
    {
        var refused = await Should.ThrowAsync<Refused>(() => db.ImportAsync("c.jsonl",
            Lines.Registered(), Lines.Corrected("no-such-result", "typo", mark: "2:10:00")));

        refused.Reasons.ShouldHaveSingleItem().ShouldContain(":2: field 'result_id'");
    }

    [Fact]
    public async Task A_folder_is_imported_file_by_file_and_a_bad_file_stops_all_of_them()
    {
        using var folder = new TempFolder("ledger-folder-");
        await File.WriteAllLinesAsync(folder.File("a.jsonl"), [Lines.Registered()]);
        await File.WriteAllLinesAsync(folder.File("b.jsonl"), [Lines.Result("x", "2020", "fast")]);

        await Should.ThrowAsync<Refused>(() => db.Importer.ImportAsync([folder.Path], new Actor("tester", "c")));
        (await db.Athletes.AthletesAsync()).Athletes.ShouldBeEmpty();

        File.Delete(folder.File("b.jsonl"));
        (await db.Importer.ImportAsync([folder.Path], new Actor("tester", "c"))).Appended.ShouldBe(1);
    }

    [Fact]
    public async Task Every_imported_event_records_who_imported_it()
    {
        await db.ImportAsync("career.jsonl", Lines.Registered());

        var audit = await db.Audit.AuditAsync(Lines.Athlete);
        audit.Events[0].User.ShouldBe("tester");
        audit.Events[0].CorrelationId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_first_import_of_many_marks_leaves_the_marks_indexes_as_they_were_and_in_use()
    {
        async Task<string[]> IndexesAsync()
        {
            await using var session = db.Store.QuerySession();
            return (await session.QueryAsync<string>(
                "select indexdef from pg_indexes where schemaname = 'ledger' and tablename = 'listed_marks' order by indexname")).ToArray();
        }

        var before = await IndexesAsync();
        await ImportMarathonsAsync(10_001);

        (await IndexesAsync()).ShouldBe(before);
        before.Length.ShouldBe(5);
        var list = await db.Toplists.ToplistAsync(ToplistFilter.Of("marathon", Domain.Sex.Men, 1995, "MGL", null, null, 3, allMarks: true));
        list.Entries.Select(e => e.Mark.ToString()).ShouldBe(["2:10:00", "2:10:00", "2:10:00"]);
    }

    /// <summary>
    /// The athletes' index page counts the summaries for its pages. Right after a large import none of them was known to be
    /// visible to every reader, so the count read every summary: at 200,000 athletes the page took 193 ms, 15 ms now. A rebuild
    /// writes the summaries anew, and leaves them so too.
    /// </summary>
    [Fact]
    public async Task After_a_large_import_the_athletes_are_counted_from_an_index_alone()
    {
        await ImportMarathonsAsync(10_000);

        await AthletesCountedFromAnIndexAloneAsync();
    }

    [Fact]
    public async Task After_a_rebuild_of_the_summaries_the_athletes_are_counted_from_an_index_alone()
    {
        await db.Importer.ImportAsync([Repository.Events], new Actor("tester", "seed"));

        using (var daemon = await db.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(new AthleteSummaryProjection().Name, CancellationToken.None);

        await AthletesCountedFromAnIndexAloneAsync();
    }

    private async Task AthletesCountedFromAnIndexAloneAsync()
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        // The test's table is too small for the planner to choose an index of its own accord.
        await new NpgsqlCommand("set enable_seqscan = off; set enable_bitmapscan = off", connection).ExecuteNonQueryAsync();
        var plan = (string)(await new NpgsqlCommand(
            "explain (analyze, format json) select count(*) from ledger.mt_doc_athletesummary", connection).ExecuteScalarAsync())!;

        var scan = JsonNode.Parse(plan)![0]!["Plan"]!["Plans"]![0]!;
        scan["Node Type"]!.GetValue<string>().ShouldBe("Index Only Scan");
        scan["Heap Fetches"]!.GetValue<long>().ShouldBe(0);
    }

    /// <summary>A large import: the athlete registered, then as many marathons, two a day from 1990, marks from 2:10:00 to 2:49:59.</summary>
    private async Task ImportMarathonsAsync(int results)
    {
        var start = new DateOnly(1990, 1, 1);
        await db.ImportAsync("many.jsonl", [Lines.Registered(), .. Enumerable.Range(0, results).Select(i =>
            Lines.Result($"r{i}", start.AddDays(i / 2).ToString("yyyy-MM-dd"), $"2:{10 + i % 40}:{i % 60:D2}"))]);
    }

    /// <summary>
    /// The import writes the read models itself, so it must know every one the store registers: a
    /// projection added without import support leaves this test with documents the import never wrote.
    /// </summary>
    [Fact]
    public async Task An_import_leaves_every_registered_read_model_as_a_rebuild_from_its_events_makes_it()
    {
        await db.Importer.ImportAsync([Repository.Events], new Actor("tester", "seed"));
        await db.ImportAsync("more.jsonl",
            Lines.Registered(athlete: "rival"), Lines.Result("fast", "2026-04-12", "2:07:59", athlete: "rival"),
            Lines.Record("2:07:59", "2026-04-12", "fast", athlete: "rival"), Lines.Corrected("fast", "timing", place: 2, athlete: "rival"),
            Lines.Result("slow", "2026-05-01", "2:20:00", athlete: "rival"), Lines.Annulled("slow", "wrong athlete", athlete: "rival"),
            Lines.Reported("10km", "29:59", "2025", athlete: "rival"),
            Lines.Result("late", "2026-09-27", "2:11:00"));
        // A live projection stores nothing: there is nothing for the import to write, or to rebuild.
        var projections = db.Store.Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live).ToList();
        projections.Count.ShouldBeGreaterThanOrEqualTo(2);
        var imported = await DocumentsAsync(projections.SelectMany(p => p.PublishedTypes()));

        using (var daemon = await db.Store.BuildProjectionDaemonAsync())
            foreach (var projection in projections)
                await daemon.RebuildProjectionAsync(projection.Name, CancellationToken.None);

        var rebuilt = await DocumentsAsync(projections.SelectMany(p => p.PublishedTypes()));
        rebuilt.Keys.ShouldBe(imported.Keys);
        foreach (var (type, documents) in rebuilt)
        {
            documents.ShouldNotBeEmpty(type);
            documents.ShouldBe(imported[type], $"{type}: the import wrote other documents than a rebuild makes");
        }
        await using var session = db.Store.QuerySession();
        (await session.QueryAsync<int>(
                "select count(*)::int from ledger.mt_events e where not exists (select from ledger.mt_streams s where s.id = e.stream_id)"))
            .Single().ShouldBe(0);
        (await session.Events.FetchStreamStateAsync("rival"))!.Version.ShouldBe(7);
    }

    /// <summary>
    /// Every row of each document type's table, all columns but the times it was written and Marten's
    /// mt_version, which a rebuild sets from event sequences that no read looks at.
    /// </summary>
    private async Task<Dictionary<string, string[]>> DocumentsAsync(IEnumerable<Type> types)
    {
        await using var session = db.Store.QuerySession();
        var documents = new Dictionary<string, string[]>();
        foreach (var type in types.Distinct())
        {
            var table = ((IDocumentStore)db.Store).Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
            documents[type.Name] = (await session.QueryAsync<string>(
                $"select (to_jsonb(t) - 'mt_last_modified' - 'mt_created_at' - 'mt_version')::text from {table} t order by id")).ToArray();
        }

        return documents;
    }
}
