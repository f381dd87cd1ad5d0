using Ledger.Store.ImportExport;

namespace Ledger.Cli.ImportExport;

public class ImportInput : LedgerInput
{
    [Description("Files or folders of .jsonl event files")] public IEnumerable<string> Paths { get; set; } = [];
    [FlagAlias("user"), Description("Who is importing, recorded with every event (the OS user when left out)")] public string? UserFlag { get; set; }
}

public sealed record ImportAnswer(int Appended, int Skipped);

[Description("Appends the events of .jsonl files; all or nothing, and a second import appends nothing")]
public class ImportCommand : LedgerCommand<ImportInput>
{
    protected override async Task Run(ImportInput input, IServiceProvider services, Answers answers)
    {
        var importer = services.GetRequiredService<Importer>();
        var actor = Actor.Current(input.UserFlag);
        var outcome = await answers.WithProgress(progress => importer.ImportAsync(input.Paths.ToList(), actor, progress));

        answers.Write(new ImportAnswer(outcome.Appended, outcome.Skipped),
            v => $"appended {v.Appended} events, skipped {v.Skipped} already in the ledger");
    }
}
