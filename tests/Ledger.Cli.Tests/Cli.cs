using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Ledger.Cli.Tests;

/// <summary>Runs the real ledger command line as its own process, as a user does.</summary>
public static class Cli
{
    /// <summary>
    /// How long a verb may run before it is taken for hung: verbs answer in seconds, and even one
    /// starting its own PostgreSQL on a loaded machine well within this.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Outcome(int Exit, string Out, string Err)
    {
        public JsonObject Json => JsonNode.Parse(Out)!.AsObject();
    }

    /// <summary>ledger.dll in src/Ledger.Cli's own output folder, built in this run's configuration.</summary>
    private static readonly string Program = Path.Combine(
        Repository.Root, "src", "Ledger.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "ledger.dll");

    public static Task<Outcome> RunAsync(string connectionString, params string[] args) =>
        RunWithAsync(new() { ["LEDGER_CONNECTION"] = connectionString }, args);

    /// <summary>Runs a verb to its end; one still running after <see cref="Timeout"/> is killed and fails the test.</summary>
    public static async Task<Outcome> RunWithAsync(Dictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"`ledger {string.Join(' ', args)}` was still running after {Timeout.TotalSeconds:0} s and was killed; its stderr:\n{await error}");
        }

        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>`ledger serve` in a process of its own, killed when disposed.</summary>
    public sealed class Server(Process process, Task<string> error, Uri address, Uri metrics) : IAsyncDisposable
    {
        /// <summary>Where a client on this machine reaches it.</summary>
        public Uri Address { get; } = address;

        /// <summary>Its metrics listener (LEDGER_METRICS_URL).</summary>
        public Uri Metrics { get; } = metrics;

        public async ValueTask DisposeAsync()
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await error;
            process.Dispose();
        }
    }

    /// <summary>
    /// Starts `ledger serve` on a free port of <paramref name="host"/>, its metrics on another of loopback (servers run at once
    /// would each take the default one), and waits until it answers /health; a server that dies or does not answer within
    /// <see cref="Timeout"/> fails the test.
    /// </summary>
    public static async Task<Server> ServeAsync(Dictionary<string, string?> environment, string host)
    {
        var port = FreePort();
        var metrics = $"http://127.0.0.1:{FreePort()}";
        var process = Start(new(environment) { ["LEDGER_METRICS_URL"] = metrics }, ["serve", "--urls", $"http://{host}:{port}"]);
        var error = process.StandardError.ReadToEndAsync();
        // Read and dropped, so the server never stalls on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        var server = new Server(process, error, new Uri($"http://127.0.0.1:{port}"), new Uri(metrics));
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < Timeout)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        var why = process.HasExited ? $"exited with {process.ExitCode}" : $"did not answer /health within {Timeout.TotalSeconds:0} s";
        await server.DisposeAsync();
        throw new InvalidOperationException($"`ledger serve` on {host}:{port} {why}; its stderr:\n{await error}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(Dictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Program, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }
}
