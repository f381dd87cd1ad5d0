using Ledger.Store.ImportExport;

namespace Ledger.Cli.ImportExport;

public class ExportInput : LedgerInput
{
    [Description("The athletes to export (all when left out)")] public IEnumerable<string> Athletes { get; set; } = [];
    [FlagAlias("out"), Description("The folder to write ATHLETE.jsonl files into")] public string? OutFlag { get; set; }
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

    protected override async Task Run(ExportInput input, IServiceProvider services, Answers answers)
    {
        if (string.IsNullOrWhiteSpace(input.OutFlag)) throw new Refused("--out", "--out DIR is required: the folder to write into");
        var exporter = services.GetRequiredService<Exporter>();
        var athletes = input.Athletes.ToList();
        var outcome = await answers.WithProgress(progress => exporter.ExportAsync(athletes, input.OutFlag, progress));

        answers.Write(new ExportAnswer(outcome.Events),
            v => $"exported {v.Exported} events of {outcome.Athletes} athletes to {input.OutFlag}");
    }
}
