using Ledger.Store.Records;
using Spectre.Console.Rendering;

namespace Ledger.Cli.Records;

public class RecordsInput : MomentInput
{
    [Description("The country's IOC code, e.g. MGL")] public string Country { get; set; } = "";
    [FlagAlias("sex"), Description("men or women (both when left out)")] public string? SexFlag { get; set; }
}

[Description("A country's national records")]
public class RecordsCommand : LedgerCommand<RecordsInput>
{
    protected override async Task Run(RecordsInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<RecordQueries>()
            .RecordsAsync(input.Country, SexOf(input.SexFlag), input.AsOf, input.KnownAt);
        answers.Write(view, NationalRecords);
    }

    public static IRenderable NationalRecords(RecordsView view)
    {
        var table = Table($"National records of {Text(view.Country)}{Moment(view.AsOf, view.KnownAt)}",
            "sex", "discipline", "mark", "athlete", "date", "competition");
        table.Caption(view.Legend);
        foreach (var r in view.Records)
            table.AddRow(Text(r.Sex.ToString().ToLowerInvariant()), Text(r.Discipline), Text(r.Shown), Text(r.Athlete),
                Text(r.Date), Text(r.Competition));
        return table;
    }
}
