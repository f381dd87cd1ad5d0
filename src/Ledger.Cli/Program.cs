using Ledger.Store.Commanding;
using Ledger.Store.Hosting;
using JasperFx;
using Ledger.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Wolverine;

var builder = Host.CreateDefaultBuilder()
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
    .UseLedger(Database.ConnectionString, Database.Local);

// JasperFx speaks on the console before any verb runs: its command discovery (dropped), and for
// a ledger verb given wrong arguments its usage, which is a refusal and so goes to stderr.
Outcome.Answers = AnsiConsole.Console;
AnsiConsole.Console = DiscoveryChatter.Console(Outcome.Verbs.Contains(args.FirstOrDefault() ?? "") ? Console.Error : Console.Out);

return Outcome.ExitCode(args, await builder.RunJasperFxCommands(args));
