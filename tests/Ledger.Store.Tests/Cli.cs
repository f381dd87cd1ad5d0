using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Ledger.Store.Tests;

/// <summary>Runs the real ledger command line as its own process, as a user does.</summary>
public static class Cli
{
    /// <summary>
    /// The longest a verb may take before it is taken for hung: a verb answers in a second or two,
    /// even on a loaded machine starting its own PostgreSQL well under this.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public sealed record Outcome(int Exit, string Out, string Err)
    {
        public JsonObject Json => JsonNode.Parse(Out)!.AsObject();
    }

    /// <summary>The repository's root: where a user runs the README's commands.</summary>
    public static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    /// <summary>ledger.dll in src/Ledger.Cli's own output folder, built in this run's configuration.</summary>
    private static readonly string Program = Path.Combine(
        RepositoryRoot, "src", "Ledger.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "ledger.dll");

    public static Task<Outcome> RunAsync(string connectionString, params string[] args) =>
        RunWithAsync(new() { ["LEDGER_CONNECTION"] = connectionString }, args);

    /// <summary>Runs a verb to its end; one still running after <see cref="Timeout"/> is killed and fails the test.</summary>
    public static async Task<Outcome> RunWithAsync(Dictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(Timeout).Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"`ledger {string.Join(' ', args)}` was still running after {Timeout.TotalSeconds:0} s and was killed; its stderr:\n{await error}");
        }

        return new Outcome(process.ExitCode, await output, await error);
    }

    private static Process Start(Dictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Program, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }
}
