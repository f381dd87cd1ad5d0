using JasperFx.CommandLine;
using Ledger.Domain;
using Ledger.Store.ImportExport;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Ledger.Cli.Verbs;

public class ImportInput : LedgerInput
{
    [Description("Files or folders of .jsonl event files")]
    public IEnumerable<string> Paths { get; set; } = [];

    [FlagAlias("user")]
    [Description("Who is importing, recorded with every event (the OS user when left out)")]
    public string? UserFlag { get; set; }
}

public sealed record ImportAnswer(int Appended, int Skipped);

[Description("Appends the events of .jsonl files; all or nothing, and a second import appends nothing")]
public class ImportCommand : LedgerCommand<ImportInput>
{
    protected override async Task Run(ImportInput input, IServiceProvider services)
    {
        var importer = services.GetRequiredService<Importer>();
        var actor = Actor.Current(input.UserFlag);
        var outcome = await WithProgress(input, progress => importer.ImportAsync(input.Paths.ToList(), actor, progress));

        Answer(input, new ImportAnswer(outcome.Appended, outcome.Skipped),
            v => new Markup($"appended {v.Appended} events, skipped {v.Skipped} already in the ledger\n"));
    }
}

public class ExportInput : LedgerInput
{
    [Description("The athletes to export (all when left out)")]
    public IEnumerable<string> Athletes { get; set; } = [];

    [FlagAlias("out")]
    [Description("The folder to write ATHLETE.jsonl files into")]
    public string? OutFlag { get; set; }
}

public sealed record ExportAnswer(int Exported);

[Description("Writes each athlete's stream as DIR/ATHLETE.jsonl, with the time, user and id of every event")]
public class ExportCommand : LedgerCommand<ExportInput>
{
    public ExportCommand()
    {
        Usage("Export every athlete");
        Usage("Export the athletes named").Arguments(x => x.Athletes);
    }

    protected override async Task Run(ExportInput input, IServiceProvider services)
    {
        if (string.IsNullOrWhiteSpace(input.OutFlag)) throw new Refused("input", "--out DIR is required: the folder to write into");
        var exporter = services.GetRequiredService<Exporter>();
        var athletes = input.Athletes.ToList();
        var outcome = await WithProgress(input, progress => exporter.ExportAsync(athletes, input.OutFlag, progress));

        Answer(input, new ExportAnswer(outcome.Events),
            v => new Markup($"exported {v.Exported} events of {outcome.Athletes} athletes to {Markup.Escape(input.OutFlag)}\n"));
    }
}
