using Ledger.Store.Commanding;
using Ledger.Store.ImportExport;
using Ledger.Store.Keys;
using Ledger.Store.Reading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Ledger.Store.Hosting;

/// <summary>The ledger's composition on any host: the CLI's, the HTTP server's, the tests' and the benchmark's.</summary>
public static class LedgerHosting
{
    /// <summary>
    /// The store, the command bus and the services every host of the ledger uses;
    /// <paramref name="local"/> is the server behind the connection when the ledger runs it itself.
    /// </summary>
    public static IHostBuilder UseLedger(this IHostBuilder host, Func<string> connectionString, LocalPostgres? local = null) => host
        .ConfigureServices(services =>
        {
            services.AddLedgerStore(connectionString);
            services.AddSingleton(s => new DatabaseFaults(s.GetRequiredService<IDocumentStore>(), local));
            // Every feature's reads, made by the container: each prefers a standby where the host says so (ReadsFromPrimary).
            foreach (var reads in typeof(Reads).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Reads)) && !t.IsAbstract))
                services.AddSingleton(reads);
            services.AddSingleton<WriteKeys>();
            services.AddSingleton<Importer>();
            services.AddSingleton<ResultsImport>();
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
