using System.Diagnostics;
using System.Net;
using System.Text;
using Marten;
using Npgsql;
using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>
/// A PostgreSQL of the drills' own, since they kill it: the other test classes keep theirs. Its
/// ledger database holds the store the drills import into and serve from.
/// </summary>
public sealed class DrillServer : IAsyncLifetime
{
    public LocalPostgres Server { get; } = new(Path.Combine(Path.GetTempPath(), $"ledger-drills-{Guid.NewGuid():N}"));
    public string ConnectionString { get; private set; } = "";
    public DocumentStore Store { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = Server.EnsureRunning();
        Store = DocumentStore.For(options => LedgerStore.Configure(options, ConnectionString));
        await Store.EnsureCurrentAsync();
    }

    /// <summary>
    /// Empties the ledger, through a store of its own: the last one's pooled connections may have
    /// died with the server in an earlier drill, and the first use of each would fail.
    /// </summary>
    public async Task ResetAsync()
    {
        Store.Dispose();
        Store = DocumentStore.For(options => LedgerStore.Configure(options, ConnectionString));
        await LedgerDatabase.EmptyAsync(Store);
    }

    /// <summary>Every event stored, in stream and version order; on a connection of its own, as a pooled one may have died with the server.</summary>
    public async Task<List<(string Stream, long Version, string Type)>> EventsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select stream_id, version, type from {LedgerStore.Schema}.mt_events order by stream_id, version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, long, string)>();
        while (await reader.ReadAsync()) events.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        return events;
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        NpgsqlConnection.ClearAllPools();
        Server.Destroy();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Breaking things on purpose, on real servers: the database killed under writes, under an
/// import and under serve, and its disk filled. Nothing may be lost, written twice or half
/// written, and no answer in between may be a 500.
/// </summary>
public sealed class FaultDrills(DrillServer drill) : IClassFixture<DrillServer>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Lines of <paramref name="athletes"/> athletes with <paramref name="results"/> marathons each.</summary>
    private static List<string> Careers(int athletes, int results) =>
    [
        .. Enumerable.Range(0, athletes).SelectMany(a => new[] { Lines.Registered($"runner-{a}") }.Concat(
            Enumerable.Range(0, results).Select(r =>
                Lines.Result($"race-{r}", $"{new DateOnly(1990, 1, 1).AddDays(r):yyyy-MM-dd}", Lines.Time(9000 + r % 600), athlete: $"runner-{a}")))),
    ];

    private static async Task<string> FileOfAsync(IEnumerable<string> lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"drill-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        return file;
    }

    [Fact]
    public async Task The_database_killed_under_concurrent_writes_loses_nothing_and_doubles_nothing()
    {
        await drill.ResetAsync();
        const int clients = 4, writes = 25;
        await using var serve = await Cli.ServeAsync(new() { ["LEDGER_CONNECTION"] = drill.ConnectionString }, "127.0.0.1");
        using var http = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var answered = 0;
        var underWay = new TaskCompletionSource();

        // Each client retries a write with the same Idempotency-Key until it is answered.
        async Task WriteAsync(string url, string body, string key)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", key);
                try
                {
                    using var response = await http.SendAsync(request);
                    statuses.Add(response.StatusCode);
                    if (response.IsSuccessStatusCode)
                    {
                        if (Interlocked.Increment(ref answered) == clients * writes / 4) underWay.TrySetResult();
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // The answer was lost: the same key again tells whether it was appended.
                }

                waited.Elapsed.ShouldBeLessThan(Deadline, $"{url} was never answered");
                await Task.Delay(100);
            }
        }

        async Task ClientAsync(int client)
        {
            var athlete = $"writer-{client}";
            await WriteAsync($"/athletes/{athlete}", $$"""{"name":"Writer {{client}}","country":"KEN","sex":"men"}""", $"register-{athlete}");
            for (var i = 0; i < writes; i++)
                await WriteAsync($"/athletes/{athlete}/results",
                    $$"""{"date":"2020-01-{{i + 1:00}}","competition":"Drill {{i}}","discipline":"marathon","mark":"{{Lines.Time(8000 + i)}}"}""",
                    $"{athlete}-{i}");
        }

        var writers = Task.WhenAll(Enumerable.Range(0, clients).Select(ClientAsync));
        await underWay.Task.WaitAsync(Deadline);
        drill.Server.Stop(immediate: true);
        await Task.Delay(1000);
        drill.Server.EnsureRunning();
        await writers;

        statuses.ShouldContain(HttpStatusCode.ServiceUnavailable, "the drill should have met the database away");
        statuses.ShouldNotContain(HttpStatusCode.InternalServerError);
        var events = await drill.EventsAsync();
        foreach (var stream in events.GroupBy(e => e.Stream))
        {
            // Registration and each result once; a result may add a national record.
            stream.Count().ShouldBeGreaterThanOrEqualTo(1 + writes, stream.Key);
            stream.Select(e => e.Version).ShouldBe(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Key);
        }

        (events.Select(e => e.Stream).Distinct().Count(), events.Count(e => e.Type == "result_recorded")).ShouldBe((clients, clients * writes));
    }

    [Fact]
    public async Task An_import_killed_midway_writes_nothing_and_the_rerun_is_complete()
    {
        await drill.ResetAsync();
        var lines = Careers(athletes: 10, results: 2_999);
        var file = await FileOfAsync(lines);
        try
        {
            var actor = new Actor("drill", Guid.NewGuid().ToString("N"));
            // Killed once the first 10,000 events are being written.
            var killer = new Progress(done =>
            {
                if (done is { Step: Importer.CheckingAndWriting, Done: > 0 } && done.Done < done.Total) drill.Server.Stop(immediate: true);
            });

            var killed = await Should.ThrowAsync<Exception>(() => new Importer(drill.Store).ImportAsync([file], actor, killer));
            DatabaseFaults.Unreachable(killed).ShouldBeTrue(killed.ToString());

            drill.Server.EnsureRunning();
            NpgsqlConnection.ClearAllPools();
            (await drill.EventsAsync()).ShouldBeEmpty();
            (await new Importer(drill.Store).ImportAsync([file], actor)).ShouldBe(new ImportOutcome(lines.Count, 0));
            (await drill.EventsAsync()).Count.ShouldBe(lines.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_ledgers_own_database_killed_under_serve_comes_back_by_itself()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ledger-supervised-{Guid.NewGuid():N}");
        var own = new LocalPostgres(folder);
        try
        {
            await using var serve = await Cli.ServeAsync(new() { ["LEDGER_CONNECTION"] = null, ["LEDGER_DATA_DIR"] = folder }, "127.0.0.1");
            using var http = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(30) };
            (await http.PostAsync($"/athletes/{Lines.Athlete}", new StringContent("""{"name":"Bat-Ochir Ser-Od","country":"MGL","sex":"men"}""")))
                .EnsureSuccessStatusCode();
            var profile = $"/athletes/{Lines.Athlete}";

            own.Stop(immediate: true);
            var waited = Stopwatch.StartNew();
            var answers = new List<HttpStatusCode>();
            do
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, profile) { Headers = { { "Accept", "text/html" } } };
                answers.Add((await http.SendAsync(request)).StatusCode);
                if (answers[^1] == HttpStatusCode.OK) break;
                await Task.Delay(100);
            } while (waited.Elapsed < TimeSpan.FromSeconds(20));

            answers.ShouldNotContain(HttpStatusCode.InternalServerError);
            answers[^1].ShouldBe(HttpStatusCode.OK, $"the profile answered {string.Join(", ", answers.Distinct())} for 20 s");
        }
        finally
        {
            own.Destroy();
        }
    }

    [Fact]
    public async Task A_full_disk_is_said_clearly_writes_nothing_and_the_ledger_recovers_once_space_is_freed()
    {
        var disk = Directory.CreateTempSubdirectory("ledger-disk-").FullName;
        var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=96m,mode=0755", "tmpfs", disk]) { RedirectStandardError = true })!;
        var refusal = await mount.StandardError.ReadToEndAsync();
        await mount.WaitForExitAsync();
        Assert.SkipWhen(mount.ExitCode != 0,
            $"the drill needs a small tmpfs to fill, and this machine did not mount one (root may; CI does): {refusal.Trim()}");

        var folder = Path.Combine(disk, "postgres");
        var own = new LocalPostgres(folder);
        Dictionary<string, string?> ledger = new() { ["LEDGER_CONNECTION"] = null, ["LEDGER_DATA_DIR"] = folder };
        var seed = await FileOfAsync(Lines.RecordHolder);
        var more = await FileOfAsync(Careers(athletes: 5, results: 3_999));
        var filler = Path.Combine(disk, "filler");
        try
        {
            (await Cli.RunWithAsync(ledger, "import", seed)).Exit.ShouldBe(0);
            // A fresh WAL segment first: the import then meets the full disk where it grows a table
            // (an error PostgreSQL reports), not where it must start a segment (a crash, said otherwise).
            await using (var connection = new NpgsqlConnection(own.ConnectionString(LocalPostgres.Database)))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand("checkpoint; select pg_switch_wal(); checkpoint", connection).ExecuteNonQueryAsync();
            }
            NpgsqlConnection.ClearAllPools();
            var fill = Process.Start("fallocate", ["-l", $"{new DriveInfo(disk).AvailableFreeSpace - 512 * 1024}", filler]);
            await fill.WaitForExitAsync();

            var full = await Cli.RunWithAsync(ledger, "import", more);

            full.Exit.ShouldBe(1);
            full.Out.ShouldBeEmpty();
            full.Err.Trim().Split('\n').ShouldHaveSingleItem();
            full.Err.ShouldContain("disk is full");
            full.Err.ShouldContain(own.LogFile);
            (await Cli.RunWithAsync(ledger, "athletes", "--json")).Json["total"]!.GetValue<int>().ShouldBe(1);

            File.Delete(filler);
            var rerun = await Cli.RunWithAsync(ledger, "import", more, "--json");
            rerun.Exit.ShouldBe(0, rerun.Err);
            rerun.Json["appended"]!.GetValue<int>().ShouldBe(5 * 4_000);
            (await Cli.RunWithAsync(ledger, "pbs", Lines.Athlete, "--json")).Out.ShouldContain("2:12:42");
        }
        finally
        {
            own.Stop();
            Process.Start("umount", [disk]).WaitForExit();
            Directory.Delete(disk, recursive: true);
            File.Delete(seed);
            File.Delete(more);
        }
    }

    private sealed class Progress(Action<WorkDone> report) : IProgress<WorkDone>
    {
        public void Report(WorkDone value) => report(value);
    }
}
