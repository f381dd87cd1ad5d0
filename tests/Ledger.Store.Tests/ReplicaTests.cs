using Alba;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// A primary and a streaming hot standby of it on loopback, made by the ledger itself (as
/// <c>ledger db start --standby</c> makes them), and the HTTP host configured as <c>serve</c>
/// configures it: the multi-host connection, public reads preferring the standby.
/// </summary>
public sealed class Replicas : IAsyncLifetime
{
    public LocalPostgres Primary { get; } = new(Path.Combine(Path.GetTempPath(), $"ledger-replicas-{Guid.NewGuid():N}"));
    public string ConnectionString { get; private set; } = "";
    public IAlbaHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = Primary.EnsureStandby();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Host.UseLedger(() => ConnectionString);
        builder.Services.AddLedgerApi(builder.Configuration);
        Host = await AlbaHost.For(builder, app => app.UseLedgerApi(new WriteAccess(ApiHost.Key, Loopback: true)));
    }

    /// <summary>A request as a client sends it: the status and the body.</summary>
    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string url, string? body = null, params (string Name, string Value)[] headers)
    {
        var result = await Host.Scenario(s =>
        {
            if (method == HttpMethod.Post) s.Post.Text(body!).ToUrl(url);
            else s.Get.Url(url);
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    /// <summary>Runs a statement on the standby itself.</summary>
    public async Task OnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Primary.Standby.ConnectionString(LocalPostgres.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Whether the connection a query session of the host's store opens is to a server in recovery: a standby.</summary>
    public async Task<bool> QueriesReadFromAStandbyAsync()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.QueryAsync<bool>("select pg_is_in_recovery()")).Single();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Primary.Standby.Destroy();
        Primary.Destroy();
    }
}

/// <summary>Reads from a standby, writes to the primary, and a failover drill, on real servers.</summary>
public sealed class ReplicaTests(Replicas replicas) : IClassFixture<Replicas>
{
    private static readonly (string, string) Key = ("X-Api-Key", ApiHost.Key);

    private static string Result(string id, string mark) =>
        $$"""{"result_id":"{{id}}","date":"2024-04-21","competition":"Race {{id}}","discipline":"marathon","mark":"{{mark}}"}""";

    private static async Task Register(Replicas servers, string athlete) =>
        (await servers.SendAsync(HttpMethod.Post, $"/athletes/{athlete}", """{"name":"A Runner","country":"KEN","sex":"men"}""", Key)).Status.ShouldBe(200);

    /// <summary>Asks again until the answer holds, for at most <paramref name="seconds"/>: how long it took.</summary>
    private static async Task<TimeSpan> Until(Func<Task<bool>> holds, int seconds, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await holds())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException($"{what}: not within {seconds} s");
            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    [Fact]
    public async Task Public_reads_come_from_the_standby_and_catch_up_a_key_holder_reads_the_primary()
    {
        (await replicas.QueriesReadFromAStandbyAsync()).ShouldBeTrue();
        await Register(replicas, "reader");
        await Until(async () => (await replicas.SendAsync(HttpMethod.Get, "/athletes/reader/pbs")).Status == 200, 10, "the registration reaches the standby");

        // With the standby's replay paused, what is written next is on the primary alone.
        await replicas.OnStandbyAsync("select pg_wal_replay_pause()");
        try
        {
            (await replicas.SendAsync(HttpMethod.Post, "/athletes/reader/results", Result("paused", "2:10:00"), Key)).Status.ShouldBe(200);
            (await replicas.SendAsync(HttpMethod.Get, "/athletes/reader/pbs", null, Key)).Body.ShouldContain("2:10:00");
            (await replicas.SendAsync(HttpMethod.Get, "/athletes/reader/pbs", null, ("X-Api-Key", "no key of this ledger"))).Body
                .ShouldNotContain("2:10:00", customMessage: "a made-up key reads as the public does");
            (await replicas.SendAsync(HttpMethod.Get, "/athletes/reader/pbs")).Body
                .ShouldNotContain("2:10:00", customMessage: "a public read is served by the paused standby");
        }
        finally
        {
            await replicas.OnStandbyAsync("select pg_wal_replay_resume()");
        }

        await Until(async () => (await replicas.SendAsync(HttpMethod.Get, "/athletes/reader/pbs")).Body.Contains("2:10:00"), 10, "the standby catches up");
    }

    [Fact]
    public async Task Serve_configured_for_standby_reads_starts_while_no_server_answers_and_says_so()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.None);
        builder.Host.UseLedger(() => "Host=127.0.0.1:1,127.0.0.1:2;Username=ledger;Password=x;Database=ledger");
        builder.Services.AddLedgerApi(builder.Configuration);
        await using var host = await AlbaHost.For(builder, app => app.UseLedgerApi(new WriteAccess(ApiHost.Key, Loopback: true)));

        var ready = await host.Scenario(s =>
        {
            s.Get.Url("/health/ready");
            s.StatusCodeShouldBe(503);
        });
        (await ready.ReadAsTextAsync()).ShouldContain("127.0.0.1:1,127.0.0.1:2", customMessage: "the reason names the servers");
    }

    [Fact]
    public async Task A_write_to_a_server_that_turned_standby_under_the_connection_answers_503_and_appends_nothing()
    {
        await Register(replicas, "demoted");
        await Until(async () => (await replicas.SendAsync(HttpMethod.Get, "/athletes/demoted/pbs")).Status == 200, 10, "the registration reaches the standby");

        // A connection naming the standby alone: as a pooled connection to a primary demoted in a switchover.
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.None);
        builder.Host.UseLedger(() => replicas.Primary.Standby.ConnectionString(LocalPostgres.Database));
        builder.Services.AddLedgerApi(builder.Configuration);
        await using var host = await AlbaHost.For(builder, app => app.UseLedgerApi(new WriteAccess(ApiHost.Key, Loopback: true)));
        var refused = await host.Scenario(s =>
        {
            s.Post.Text(Result("on-standby", "2:08:00")).ToUrl("/athletes/demoted/results");
            s.WithRequestHeader("X-Api-Key", ApiHost.Key);
            s.StatusCodeShouldBe(503);
            s.Header("Retry-After").ShouldHaveOneNonNullValue();
        });

        var audit = (await replicas.SendAsync(HttpMethod.Get, "/athletes/demoted/audit", null, Key)).Body;
        audit.ShouldNotContain("on-standby", customMessage: await refused.ReadAsTextAsync());
    }

    [Fact]
    public async Task Failover_drill_reads_answer_writes_answer_503_until_the_standby_is_promoted_then_the_retry_appends_once()
    {
        await using var servers = new Replicas();
        await servers.InitializeAsync();
        await Register(servers, "runner");
        foreach (var i in Enumerable.Range(1, 5))
            (await servers.SendAsync(HttpMethod.Post, "/athletes/runner/results", Result($"before-{i}", $"2:1{i}:00"), Key)).Status.ShouldBe(200);

        servers.Primary.Stop(immediate: true);

        (await servers.SendAsync(HttpMethod.Get, "/athletes/runner/pbs")).Status.ShouldBe(200);
        var (ready, health) = await servers.SendAsync(HttpMethod.Get, "/health/ready");
        (ready, health.Contains("degraded") && health.Contains("no writable database answers")).ShouldBe((200, true), health);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (status, body) = await servers.SendAsync(HttpMethod.Post, "/athletes/runner/results", Result("during", "2:09:00"), Key,
            ("Idempotency-Key", "drill-1"));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        status.ShouldBe(503, body);
        body.ShouldContain("no writable database answers", customMessage: body);

        servers.Primary.Standby.Promote();
        var statuses = new List<int>();
        await Until(async () =>
        {
            var (again, _) = await servers.SendAsync(HttpMethod.Post, "/athletes/runner/results", Result("during", "2:09:00"), Key,
                ("Idempotency-Key", "drill-1"));
            statuses.Add(again);
            return again == 200;
        }, 30, "a write after the promotion");
        statuses.ShouldAllBe(s => s == 503 || s == 200);

        var audit = (await servers.SendAsync(HttpMethod.Get, "/athletes/runner/audit", null, Key)).Body;
        System.Text.Json.Nodes.JsonNode.Parse(audit)!["events"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "result_recorded").Select(e => e!["result_id"]!.GetValue<string>())
            .ShouldBe(["before-1", "before-2", "before-3", "before-4", "before-5", "during"]);

        // The old primary, behind the promoted standby, is never started again as a second primary.
        var refused = Should.Throw<LocalPostgresUnavailable>(() => new LocalPostgres(servers.Primary.Folder).EnsureRunning());
        refused.Message.ShouldContain("was promoted");
        servers.Primary.IsRunning.ShouldBeFalse();
    }
}
