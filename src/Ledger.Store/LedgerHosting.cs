using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Ledger.Store;

/// <summary>
/// Whether this moment's reads must see the latest writes though query sessions prefer a standby:
/// a host that knows (the HTTP app, for a client that holds a key) registers one.
/// </summary>
public delegate bool ReadsFromPrimary();

/// <summary>The ledger's composition on any host: the CLI's, the HTTP server's, the tests' and the benchmark's.</summary>
public static class LedgerHosting
{
    /// <summary>
    /// The store, the command bus and the services every host of the ledger uses;
    /// <paramref name="local"/> is the server behind the connection when the ledger runs it itself.
    /// </summary>
    public static IHostBuilder UseLedger(this IHostBuilder host, Func<string> connectionString, LocalPostgres? local = null, bool readsPreferStandby = false) => host
        .ConfigureServices(services =>
        {
            services.AddLedgerStore(connectionString, readsPreferStandby);
            services.AddSingleton(s => new DatabaseFaults(s.GetRequiredService<IDocumentStore>(), local));
            services.AddSingleton(s => new Queries(s.GetRequiredService<IDocumentStore>(), s.GetService<ReadsFromPrimary>()));
            services.AddSingleton<WriteKeys>();
            services.AddSingleton<Importer>();
            services.AddSingleton<Exporter>();
        })
        .UseWolverine(wolverine =>
        {
            wolverine.UseLedgerCommands();
            // The handler code generated ahead of time (Internal/Generated) lives beside the handlers.
            wolverine.ApplicationAssembly = typeof(LedgerHosting).Assembly;
        });

    /// <summary>
    /// Marten logs a stale append as an error before Wolverine retries the command on fresh state;
    /// an append that still fails reaches the caller, so those interim errors say nothing.
    /// </summary>
    public static ILoggingBuilder AddQuietRetries(this ILoggingBuilder logging) =>
        logging.AddFilter("Marten.IDocumentStore", LogLevel.Critical);
}
