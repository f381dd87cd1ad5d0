using Ledger.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Ledger.Cli;

/// <summary>Where the ledger's database is: LEDGER_CONNECTION, else the PostgreSQL the ledger runs itself.</summary>
public static class Database
{
    public static string ConnectionString() => Configured ?? Local!.EnsureRunning();

    /// <summary>The PostgreSQL the ledger runs itself, unless LEDGER_CONNECTION names another server.</summary>
    public static LocalPostgres? Local => Configured is null ? new(LocalPostgres.DefaultFolder()) : null;

    private static string? Configured =>
        Environment.GetEnvironmentVariable("LEDGER_CONNECTION") is { Length: > 0 } configured ? configured : null;
}

public static class Hosting
{
    /// <summary>
    /// The ledger's services on any host the CLI builds: the verbs' own, which read from the primary
    /// so a user sees at once what they wrote, and the HTTP server's, whose public reads prefer a
    /// standby; <paramref name="local"/> is the server behind the connection when the ledger runs it itself.
    /// </summary>
    public static IHostBuilder UseLedger(this IHostBuilder host, Func<string> connectionString, LocalPostgres? local = null, bool readsPreferStandby = false) => host
        .ConfigureServices(services =>
        {
            services.AddLedgerStore(connectionString, readsPreferStandby);
            services.AddSingleton(s => new DatabaseFaults(s.GetRequiredService<Marten.IDocumentStore>(), local));
            services.AddSingleton<Queries>();
            services.AddSingleton<WriteKeys>();
            services.AddSingleton<Importer>();
            services.AddSingleton<Exporter>();
        })
        .UseWolverine(wolverine =>
        {
            wolverine.UseLedgerCommands();
            // The handler code generated ahead of time lives here, whoever hosts it (tests too).
            wolverine.ApplicationAssembly = typeof(Hosting).Assembly;
        });
}

public static class Logs
{
    /// <summary>
    /// Marten logs a stale append as an error before Wolverine retries the command on fresh state;
    /// an append that still fails reaches the caller, so those interim errors say nothing.
    /// </summary>
    public static ILoggingBuilder AddQuietRetries(this ILoggingBuilder logging) =>
        logging.AddFilter("Marten.IDocumentStore", LogLevel.Critical);
}
