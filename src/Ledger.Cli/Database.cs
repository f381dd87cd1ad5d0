using Ledger.Store;

namespace Ledger.Cli;

/// <summary>Where the ledger's database is: LEDGER_CONNECTION, else the PostgreSQL the ledger runs itself.</summary>
public static class Database
{
    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable("LEDGER_CONNECTION") is { Length: > 0 } configured
            ? configured
            : Local.EnsureRunning();

    public static LocalPostgres Local => new(LocalPostgres.DefaultFolder());
}
