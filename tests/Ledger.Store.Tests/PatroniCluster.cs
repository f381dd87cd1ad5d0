using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net;
using System.Text.Json.Serialization;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ledger.Store.Tests;

/// <summary>
/// The Patroni cluster of ops/patroni (etcd and two PostgreSQL nodes) in a folder and on ports of its
/// own, started by its script as a user starts it, and the HTTP host configured as <c>serve</c>
/// configures it on the <c>LEDGER_CONNECTION</c> the script prints.
/// </summary>
public sealed class PatroniCluster : IAsyncLifetime
{
    private static readonly HttpClient Rest = new() { Timeout = TimeSpan.FromSeconds(1) };

    /// <summary>Why the cluster cannot run here (Patroni or etcd not installed), else null.</summary>
    public string? Missing { get; private set; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"ledger-patroni-{Guid.NewGuid():N}");
    public string ConnectionString { get; private set; } = "";
    public IAlbaHost Host { get; private set; } = null!;
    private int _port;

    public async ValueTask InitializeAsync()
    {
        var absent = new[] { "patroni", "patronictl", "etcd" }.Where(tool => !OnPath(tool)).ToList();
        if (absent.Count > 0)
        {
            Missing = $"{string.Join(", ", absent)} not installed (Debian: apt-get install patroni etcd-server; .ci/run installs them)";
            return;
        }

        _port = FreePorts(6);
        ConnectionString = (await ClusterAsync("up")).Trim().Split('\n').Last();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.None);
        // The drill's 8 writers go faster than a key's default 100 writes a second.
        builder.Configuration["LEDGER_WRITES_PER_MINUTE"] = "1000000";
        builder.Host.UseLedger(() => ConnectionString);
        builder.Services.AddLedgerApi(builder.Configuration);
        Host = await AlbaHost.For(builder, app => app.UseLedgerApi(new WriteAccess(ApiHost.Key, Loopback: true)));
    }

    /// <summary>Runs <c>ops/patroni/cluster</c> with an action: its output.</summary>
    public async Task<string> ClusterAsync(string action)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "ops", "patroni", "cluster"), action])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["LEDGER_CLUSTER_DIR"] = Folder, ["LEDGER_CLUSTER_PORT"] = _port.ToString() },
        };
        return await RunAsync(start);
    }

    /// <summary>patronictl with the cluster's configuration and these arguments: its output.</summary>
    public Task<string> PatronictlAsync(params string[] arguments) =>
        RunAsync(new ProcessStartInfo("patronictl", ["-c", Path.Combine(Folder, "node1", "patroni.yml"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });

    /// <summary>Patroni's member list, from the REST API of the first node that answers; empty while none does.</summary>
    public async Task<Member[]> MembersAsync()
    {
        foreach (var node in new[] { 0, 1 })
        {
            try
            {
                return (await Rest.GetFromJsonAsync<MemberList>($"http://127.0.0.1:{_port + 3 + 2 * node}/cluster"))!.Members;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }

        return [];
    }

    public async Task<string> LeaderAsync() => (await MembersAsync()).Single(m => m.Role == "leader").Name;

    /// <summary>
    /// Signals a node's Patroni and its PostgreSQL, the postmaster and each of its children (every
    /// child is a process group of its own): the processes a machine's failure takes. The postmaster
    /// is stopped first, so it forks no connection after its children are listed.
    /// </summary>
    public async Task SignalAsync(string node, string signal)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(Folder, node, "data", "postmaster.pid")).First());
        var patroni = int.Parse(File.ReadAllText(Path.Combine(Folder, node, "patroni.pid")).Trim());
        if (signal != "CONT") await Kill("STOP", [patroni, postmaster]);
        var children = Process.GetProcesses().Where(p => ParentOf(p.Id) == postmaster).Select(p => p.Id);
        await Kill(signal, [patroni, postmaster, .. children]);
    }

    private static Task<string> Kill(string signal, int[] processes) =>
        RunAsync(new ProcessStartInfo("kill", [$"-{signal}", .. processes.Select(p => p.ToString())])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });

    /// <summary>How many times each result id was appended, counted in the primary's event table.</summary>
    public async Task<Dictionary<string, long>> StoredResultsAsync()
    {
        var primary = new NpgsqlConnectionStringBuilder(ConnectionString) { TargetSessionAttributes = "primary", Pooling = false };
        await using var connection = new NpgsqlConnection(primary.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"select data->>'result_id', count(*) from {LedgerStore.Schema}.mt_events where type = 'result_recorded' group by 1", connection);
        await using var rows = await query.ExecuteReaderAsync();
        var stored = new Dictionary<string, long>();
        while (await rows.ReadAsync()) stored[rows.GetString(0)] = rows.GetInt64(1);
        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        if (Missing is not null) return;
        if (Host is not null) await Host.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ClusterAsync("down");
        Directory.Delete(Folder, recursive: true);
    }

    public sealed record MemberList([property: JsonPropertyName("members")] Member[] Members);

    public sealed record Member(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("timeline")] int? Timeline);

    private static async Task<string> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await output}{await error}");
        return await output;
    }

    private static int? ParentOf(int process)
    {
        try
        {
            // /proc/PID/stat: "pid (name) state ppid ..."; the name may hold spaces, so count from its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{process}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, tool)));

    /// <summary>The first of <paramref name="count"/> consecutive free ports, away from the ports the other tests' servers take.</summary>
    private static int FreePorts(int count)
    {
        while (true)
        {
            var first = Random.Shared.Next(20000, 30000);
            if (Enumerable.Range(first, count).All(LocalPostgres.IsFree)) return first;
        }
    }
}
