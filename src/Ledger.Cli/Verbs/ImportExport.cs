using JasperFx.CommandLine;
using Ledger.Domain;
using Ledger.Store;
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
        var outcome = input.JsonFlag || Console.IsErrorRedirected
            ? await importer.ImportAsync(input.Paths.ToList(), actor)
            : await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("importing events");
                return await importer.ImportAsync(input.Paths.ToList(), actor, new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                }));
            });

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
        if (string.IsNullOrWhiteSpace(input.OutFlag)) throw new InputRefused("--out DIR is required: the folder to write into");
        var streams = await services.GetRequiredService<Queries>().ExportAsync(input.Athletes.ToList());

        Directory.CreateDirectory(input.OutFlag);
        foreach (var (athlete, events) in streams)
            await File.WriteAllLinesAsync(Path.Combine(input.OutFlag, $"{athlete}.jsonl"), events.Select(EventFormat.Write));

        var exported = streams.Sum(s => s.Events.Count);
        Answer(input, new ExportAnswer(exported),
            v => new Markup($"exported {v.Exported} events of {streams.Count} athletes to {Markup.Escape(input.OutFlag)}\n"));
    }
}
