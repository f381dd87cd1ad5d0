using JasperFx.CommandLine.Help;
using Ledger.Cli.Writing;
using Marten;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Ledger.Cli;

/// <summary>
/// The command line: the ledger's verbs, a verb for each declared write, and the verbs of the libraries it runs
/// on (Marten's <c>projections</c>, Wolverine's <c>codegen</c>, JasperFx's <c>help</c>), all on one host. A ledger
/// verb ends with its own <see cref="ExitStatus"/>.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(IHostBuilder host, string[] args)
    {
        var commands = new CommandFactory();
        commands.SetAppName("ledger");
        foreach (var assembly in new[]
                     {
                         typeof(HelpCommand), typeof(IDocumentStore), typeof(JasperFx.Events.IEvent), typeof(WolverineOptions), typeof(CommandLine),
                     }
                     .Select(t => t.Assembly))
            commands.RegisterCommands(assembly);
        WriteVerbs.Register(commands);
        commands.ConfigureRun = run =>
        {
            if (run.Input is not IHostBuilderInput input) return;
            commands.ApplyExtensions(host);
            input.HostBuilder = host;
        };

        // A ledger verb's stdout holds its answer alone: what JasperFx says about it (its usage, when its
        // arguments are wrong) goes to stderr.
        var ledgerVerb = commands.AllCommandTypes()
            .Any(t => t.IsAssignableTo(typeof(ILedgerVerb)) && CommandFactory.CommandNameFor(t) == args.FirstOrDefault());
        if (ledgerVerb) AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

        var run = commands.BuildRun(args);
        if (run.Command is ILedgerVerb verb) return await verb.RunAsync(run.Input);
        var done = await run.Execute();
        // JasperFx answers a ledger verb it could not read with that verb's usage: its input was refused.
        return ledgerVerb ? ExitStatus.Refused : done ? ExitStatus.Done : ExitStatus.Failed;
    }
}
