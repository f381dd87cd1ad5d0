using Ledger.Store.Records;
using Spectre.Console.Rendering;

namespace Ledger.Cli.Records;

public class RecordsInput : MomentInput
{
    [Description("Whose records: world, an area (africa, asia, europe, nacac, oceania, south-america), a country (MGL) or championship:SERIES")]
    public string Scope { get; set; } = "";

    [FlagAlias("sex"), Description("men or women (both when left out)")] public string? SexFlag { get; set; }
    [FlagAlias("ratified-only"), Description("The records as ratified: a pending claim left out, the record before it shown")]
    public bool RatifiedOnlyFlag { get; set; }
    [FlagAlias("women-only"), Description("The women-only road records, in place of those of any race")] public bool WomenOnlyFlag { get; set; }
}

[Description("The records of a scope: the world's, an area's, a country's or a championship's")]
public class RecordsCommand : LedgerCommand<RecordsInput>
{
    protected override async Task Run(RecordsInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<RecordQueries>()
            .RecordsAsync(input.Scope, SexOf(input.SexFlag), input.AsOf, input.KnownAt, input.RatifiedOnlyFlag, input.WomenOnlyFlag);
        answers.Write(view, Records);
    }

    public static IRenderable Records(RecordsView view)
    {
        var table = Table($"{Text(RecordScopes.Title(view.Scope))}{(view.WomenOnly ? " (women-only races)" : "")}{Moment(view.AsOf, view.KnownAt)}",
            "sex", "discipline", "mark", "athlete", "country", "date", "competition");
        table.Caption(view.Legend);
        foreach (var r in view.Records)
            table.AddRow(Text(r.Sex.ToString().ToLowerInvariant()), Text(r.Discipline), Text(r.Shown), Text(r.Athlete), Text(r.Country),
                Text(r.Date), Text(r.Competition));
        return table;
    }
}
