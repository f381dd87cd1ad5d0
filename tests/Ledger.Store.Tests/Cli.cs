using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Ledger.Store.Tests;

/// <summary>Runs the real ledger command line as its own process, as a user does.</summary>
public static class Cli
{
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

    public static async Task<Outcome> RunWithAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Program, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await output, await error);
    }
}
