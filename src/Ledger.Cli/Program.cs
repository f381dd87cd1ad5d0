using JasperFx;
using Ledger.Cli;
using Ledger.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

var builder = Host.CreateDefaultBuilder()
    .ConfigureLogging(logging =>
    {
        // stdout belongs to the verb's answer (one JSON document with --json): logs go to stderr.
        logging.ClearProviders();
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
    })
    .ConfigureServices(services =>
    {
        services.AddLedgerStore(Database.ConnectionString);
        services.AddSingleton<Queries>();
        services.AddSingleton<Importer>();
    });

Outcome.Answers = AnsiConsole.Console;
AnsiConsole.Console = DiscoveryChatter.Console(Console.Out);

var exitCode = await builder.RunJasperFxCommands(args);
return Outcome.Refused ? 2 : exitCode;
