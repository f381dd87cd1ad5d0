using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events.Projections;
using Ledger.Benchmarks;
using Ledger.Tests;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Wolverine;
using static Ledger.Benchmarks.Figures;

// dotnet run -c Release --project tests/Ledger.Benchmarks -- --events N [--seed S] [--sheet-rows R] [--out bench-results.json]
// dotnet run -c Release --project tests/Ledger.Benchmarks -- --athletes N [--seed S] [--out bench-results.json]
// dotnet run -c Release --project tests/Ledger.Benchmarks -- micro [BenchmarkDotNet options]
if (args.FirstOrDefault() == "micro")
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<PerEvent>(args: args[1..]);
    return;
}

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--")).ToDictionary(x => x.a[2..], x => args.ElementAtOrDefault(x.i + 1));
var events = int.Parse(options.GetValueOrDefault("events") ?? "10000");
var seed = int.Parse(options.GetValueOrDefault("seed") ?? "42");
var output = options.GetValueOrDefault("out") ?? "bench-results.json";

// --connection: an empty database of a server of one's own (a Patroni cluster's LEDGER_CONNECTION), else a throwaway one.
var given = options.GetValueOrDefault("connection");
var server = given is null ? new LocalPostgres(Path.Combine(Path.GetTempPath(), $"ledger-bench-{Guid.NewGuid():N}")) : null;
var admin = given ?? server!.EnsureRunning();
try
{
    // A federation run measures the pages only: what the --events run measures is per event, and
    // the number of athletes those events belong to does not change it.
    if (options.GetValueOrDefault("athletes") is { } federation)
    {
        await ReportAsync(await Federation.MeasureAsync(admin, int.Parse(federation), seed), output);
        return;
    }

    var figures = new Dictionary<string, double> { ["events"] = events };
    // The corpus is held by its own method alone: kept to the end of this one, at 10 million events it took the gigabytes
    // the database's cache needs for the reads measured after the import.
    var (folder, athletes, countries, copyRate) = await WriteCorpusAsync(events, seed, admin);
    figures["copy_events_per_s"] = copyRate;

    var builder = Host.CreateDefaultBuilder().ConfigureLogging(l => l.ClearProviders()).UseLedger(() => admin);
    using var host = builder.Build();
    await host.StartAsync();
    var store = host.Services.GetRequiredService<IDocumentStore>();
    await store.EnsureCurrentAsync();

    // The real import path: every line checked, appended with the read models updated inline,
    // so the ledger is ready (every read model current) when it returns.
    var importWatch = Stopwatch.StartNew();
    var importSteps = new StepClock();
    await new Importer(store).ImportAsync([folder], new Actor("bench", "bench"), importSteps);
    figures["import_events_per_s"] = events / importWatch.Elapsed.TotalSeconds;
    Console.WriteLine($"imported in {importWatch.Elapsed.TotalSeconds:F1} s");
    foreach (var (step, seconds) in importSteps.Steps()) figures[$"import_{step.Replace(' ', '_')}_s"] = seconds;
    figures["import_vs_copy"] = figures["import_events_per_s"] / figures["copy_events_per_s"];
    figures["ready_events_per_s"] = figures["import_events_per_s"];
    // As the import leaves it, before a rebuild's deleted rows or the commands' rows are added.
    figures["bytes_per_event"] = await BytesOnDiskAsync(admin) / events;

    var rebuildWatch = Stopwatch.StartNew();
    using (var daemon = await store.BuildProjectionDaemonAsync())
    {
        foreach (var projection in ((StoreOptions)store.Options).Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live))
        {
            var watch = Stopwatch.StartNew();
            // Marten's daemon gives up on a projection's rebuild after 5 minutes unless told: at 10 million events the marks take longer.
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromHours(2), CancellationToken.None);
            figures[$"rebuild_{projection.Name}_s"] = watch.Elapsed.TotalSeconds;
        }
    }

    figures["rebuild_events_per_s"] = events / rebuildWatch.Elapsed.TotalSeconds;

    var (careers, nationalRecords, toplistReads) = (new CareerQueries(store), new RecordQueries(store), new ToplistQueries(store));
    var random = new Random(seed);
    var knownAt = DateTimeOffset.UtcNow;
    var asOf = await Latencies(() => careers.PersonalBestsAsync(athletes[random.Next(athletes.Count)], new DateOnly(2000 + random.Next(25), 12, 31)));
    var known = await Latencies(() => careers.PersonalBestsAsync(athletes[random.Next(athletes.Count)], knownAt: knownAt));
    var records = await Latencies(() => nationalRecords.RecordsAsync(countries[random.Next(countries.Count)]));
    // A journalist's questions: a discipline and sex, of the world or a country, of a year or all time.
    var toplists = await Latencies(() => toplistReads.ToplistAsync(ToplistFilter.Of(
        Discipline.Common[random.Next(Discipline.Common.Count)], random.Next(2) == 0 ? Sex.Men : Sex.Women,
        random.Next(2) == 0 ? null : 2000 + random.Next(26), random.Next(2) == 0 ? null : countries[random.Next(countries.Count)],
        null, null, null, allMarks: false)));
    (figures["asof_p50_ms"], figures["asof_p99_ms"]) = (Percentile(asOf, 50), Percentile(asOf, 99));
    figures["knownat_p50_ms"] = Percentile(known, 50);
    figures["records_p50_ms"] = Percentile(records, 50);
    (figures["toplist_p50_ms"], figures["toplist_p99_ms"]) = (Percentile(toplists, 50), Percentile(toplists, 99));

    var bus = host.Services.GetRequiredService<IMessageBus>();
    var sent = 0;
    async Task<TimeSpan> Command(string athlete)
    {
        var n = Interlocked.Increment(ref sent);
        var watch = Stopwatch.StartNew();
        await bus.CommandAsync(new RecordResult(athlete,
            new ResultRecorded($"bench-{n}", PartialDate.Parse("2026-06-01"), $"Bench {n}", Discipline.Parse("10km"), ResultStatus.Finished,
                Mark.Parse("31:00")),
            "bench"));
        return watch.Elapsed;
    }

    async Task<(double PerSecond, List<TimeSpan> Latencies)> Writers(int writers, int each)
    {
        var watch = Stopwatch.StartNew();
        var all = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var latencies = new List<TimeSpan>();
            for (var i = 0; i < each; i++) latencies.Add(await Command(athletes[(w * 7919 + i) % athletes.Count]));
            return latencies;
        }));
        return (writers * each / watch.Elapsed.TotalSeconds, all.SelectMany(l => l).ToList());
    }

    // A server's commands, not a new process's: for some seconds after the first commands the JIT still compiles their code
    // again at its second tier, on the core the writers need (measured: 0.6-0.7 s of CPU a second with nothing sent).
    await Writers(8, 50);
    await Task.Delay(TimeSpan.FromSeconds(3));
    figures["command_per_s_1"] = (await Writers(1, 200)).PerSecond;
    var eight = await Writers(8, 100);
    figures["command_per_s_8"] = eight.PerSecond;
    figures["command_p99_ms_8"] = Percentile(eight.Latencies, 99);

    // What one add-result sends to PostgreSQL on a ledger the writers warmed: the median of five, since the host's own agents
    // (Wolverine's) may send a query of theirs while one is counted.
    var sends = new List<(int RoundTrips, int Statements, double Waited, double Took)>();
    for (var i = 0; i < 5; i++)
    {
        using var counted = new RoundTrips();
        var took = await Command(athletes[i]);
        sends.Add((counted.Sent.Count, counted.Statements, counted.Waited.TotalMilliseconds, took.TotalMilliseconds));
    }

    figures["add_result_round_trips"] = sends.Select(s => s.RoundTrips).Order().ElementAt(2);
    figures["add_result_statements"] = sends.Select(s => s.Statements).Order().ElementAt(2);
    figures["add_result_ms"] = sends.Select(s => s.Took).Order().ElementAt(2);
    figures["add_result_db_ms"] = sends.Select(s => s.Waited).Order().ElementAt(2);

    // A season from a spreadsheet into the ledger just built: a row a result of an athlete it holds,
    // each decided as add-result decides it (--sheet-rows, a tenth of the events unless said).
    var sheetRows = int.Parse(options.GetValueOrDefault("sheet-rows") ?? (events / 10).ToString());
    var sheet = Path.Combine(folder, "season.csv");
    await using (var file = File.Create(sheet))
    using (var csv = CsvHelper.CsvWriter.Create(file, CsvHelper.CsvWriterOptions.Default))
    {
        csv.WriteHeader(["athlete", "date", "competition", "discipline", "mark"]);
        for (var i = 0; i < sheetRows; i++)
            csv.WriteRecord([athletes[random.Next(athletes.Count)], "2026-05-01", $"Season race {i}", "10km", $"{31 + random.Next(9)}:{random.Next(60):00}"]);
    }

    var sheetWatch = Stopwatch.StartNew();
    var steps = new StepClock();
    steps.Report(new WorkDone("reading the sheet", 0, 1));
    var season = ResultSheets.Read([sheet]);
    await host.Services.GetRequiredService<ResultsImport>().ImportAsync(season, new Actor("bench", "bench"), dryRun: false, steps);
    figures["sheet_rows"] = sheetRows;
    figures["sheet_rows_per_s"] = sheetRows / sheetWatch.Elapsed.TotalSeconds;
    foreach (var (step, seconds) in steps.Steps()) figures[$"sheet_{step.Replace(' ', '_')}_s"] = seconds;
    await host.StopAsync();

    // A whole `ledger pbs` process, start to exit, as a user waits for it: the CLI as published (compiled ahead of time), in its
    // own folder, since JasperFx looks for commands in every assembly of its folder.
    var published = new DirectoryInfo(AppContext.BaseDirectory.Replace(Path.Combine("tests", "Ledger.Benchmarks"), Path.Combine("src", "Ledger.Cli")));
    var cli = (published.Exists ? published.GetFiles("ledger.dll", SearchOption.AllDirectories) : [])
        .FirstOrDefault(f => f.Directory!.Name == "publish")?.FullName
        ?? throw new FileNotFoundException(
            $"Publish the CLI first (dotnet publish src/Ledger.Cli -c Release): no ledger.dll in a publish folder of {published}");
    var walls = new List<TimeSpan>();
    for (var i = 0; i < 5; i++)
    {
        var start = new ProcessStartInfo("dotnet", [cli, "pbs", athletes[i], "--json"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["LEDGER_CONNECTION"] = admin },
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var answer = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        walls.Add(watch.Elapsed);
        if (process.ExitCode != 0 || !(await answer).Contains("\"bests\""))
            throw new InvalidOperationException($"ledger pbs failed ({process.ExitCode}): {await error}");
    }

    figures["cli_pbs_wall_ms"] = Percentile(walls, 50);

    await ReportAsync(figures, output);
    Directory.Delete(folder, recursive: true);
}
finally
{
    NpgsqlConnection.ClearAllPools();
    server?.Destroy();
}

// The synthetic ledger as event files in a folder of their own, the athletes and countries it holds, and the ceiling: the same
// rows through Npgsql's binary COPY into a plain table, in events a second.
static async Task<(string Folder, List<string> Athletes, List<string> Countries, double CopyRate)> WriteCorpusAsync(int events, int seed, string admin)
{
    var corpus = Corpus.Generate(events, seed).ToList();
    var (folder, athletes, countries) = await Corpus.WriteAsync(corpus, "ledger-corpus-");

    // The ceiling: the same rows through Npgsql's binary COPY into a plain table. It varies a lot
    // from one COPY to the next (checkpoints, caches), so it is the median of three.
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await new NpgsqlCommand("create table copy_ceiling (stream text, version int, type text, data jsonb)", connection).ExecuteNonQueryAsync();
    var rows = corpus.Select(e => (e.Athlete, e.Type, Json: JsonSerializer.Serialize(e.Data, e.Data.GetType(), EventFormat.Options))).ToList();
    var rates = new List<double>();
    for (var run = 0; run < 3; run++)
    {
        await new NpgsqlCommand("truncate copy_ceiling; checkpoint", connection).ExecuteNonQueryAsync();
        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("copy copy_ceiling (stream, version, type, data) from stdin (format binary)"))
        {
            var version = 0;
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Athlete, NpgsqlDbType.Text);
                await copy.WriteAsync(++version, NpgsqlDbType.Integer);
                await copy.WriteAsync(row.Type, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Json, NpgsqlDbType.Jsonb);
            }

            await copy.CompleteAsync();
        }

        rates.Add(events / watch.Elapsed.TotalSeconds);
    }

    await new NpgsqlCommand("drop table copy_ceiling; checkpoint", connection).ExecuteNonQueryAsync();
    return (folder, athletes, countries, rates.Order().ElementAt(1));
}

// Every table of the ledger's schema with its indexes and TOAST, in bytes.
static async Task<double> BytesOnDiskAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "select sum(pg_total_relation_size(c.oid))::float8 from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
        $"where n.nspname = '{LedgerStore.Schema}' and c.relkind in ('r', 'p')", connection);
    return (double)(await command.ExecuteScalarAsync())!;
}

static async Task<List<TimeSpan>> Latencies(Func<Task> query, int times = 200)
{
    var latencies = new List<TimeSpan>();
    for (var i = 0; i < times; i++)
    {
        var watch = Stopwatch.StartNew();
        await query();
        latencies.Add(watch.Elapsed);
    }

    return latencies;
}
