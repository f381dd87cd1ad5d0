using Ledger.Cli.Database;
using Ledger.Cli;
using Ledger.Store.Commanding;
using Ledger.Store.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The process's one host: every verb runs on it, and serve adds its web server to it.
var host = Host.CreateDefaultBuilder()
    // Settings are read once, as the process starts: watching them for changes put a watch on every folder under the one
    // the ledger runs in (40 ms of a `ledger pbs` run in a clone of its repository, more in a larger folder).
    .ConfigureHostConfiguration(settings => settings.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]))
    .ConfigureLogging(logging =>
    {
        // stdout belongs to the verb's answer (one JSON document with --json): logs go to stderr.
        logging.ClearProviders();
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        // Wolverine logs every failed command by its message type; a refused one is told once, by the verb.
        foreach (var command in LedgerBus.Commands) logging.AddFilter(command.FullName, LogLevel.None);
        // Wolverine logs, with its stack, that it could not reach the database to set up its own tables
        // at start; a verb that needs the database then fails and says so in one line.
        logging.AddFilter("Wolverine.Runtime.WolverineRuntime", LogLevel.Critical);
        logging.AddQuietRetries();
    })
    .UseLedger(DatabaseLocation.ConnectionString, DatabaseLocation.Local);

return await CommandLine.RunAsync(host, args);
