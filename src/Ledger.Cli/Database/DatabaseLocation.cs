using Ledger.Store.Hosting;

namespace Ledger.Cli.Database;

/// <summary>Where the ledger's database is: LEDGER_CONNECTION, else the PostgreSQL the ledger runs itself.</summary>
public static class DatabaseLocation
{
    public static string ConnectionString() => Configured ?? Local!.EnsureRunning();

    /// <summary>The PostgreSQL the ledger runs itself, unless LEDGER_CONNECTION names another server.</summary>
    public static LocalPostgres? Local => Configured is null ? new(LocalPostgres.DefaultFolder()) : null;

    private static string? Configured =>
        Environment.GetEnvironmentVariable("LEDGER_CONNECTION") is { Length: > 0 } configured ? configured : null;
}
