using Ledger.Store.Records;

namespace Ledger.Cli.Records;

public class RecordHistoryInput : KnownAtInput
{
    [Description("Whose record: world, an area (africa, asia, ...), a country (MGL) or championship:SERIES")] public string Scope { get; set; } = "";
    [Description("The discipline, e.g. marathon")] public string Discipline { get; set; } = "";
    [FlagAlias("sex"), Description("men or women (men when left out)")] public string? SexFlag { get; set; }
    [FlagAlias("indoor"), Description("The indoor record (the outdoor one when left out)")] public bool IndoorFlag { get; set; }
    [FlagAlias("women-only"), Description("The women-only road record, in place of that of any race")] public bool WomenOnlyFlag { get; set; }
}

[Description("Every mark that was a record of a scope, and what became of it", Name = "record-history")]
public class RecordHistoryCommand : LedgerCommand<RecordHistoryInput>
{
    protected override async Task Run(RecordHistoryInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<RecordQueries>().RecordHistoryAsync(
            input.Scope, Parameters.Discipline(input.Discipline, "discipline"), SexOf(input.SexFlag) ?? Sex.Men, input.KnownAt,
            input.IndoorFlag, input.WomenOnlyFlag);
        answers.Write(view, v =>
        {
            var table = Table($"{Text(v.Scope)} {Text(v.Sex.ToString().ToLowerInvariant())}'s {Text(v.Discipline)}{(v.Indoor ? " indoor" : "")} record" +
                              (v.WomenOnly ? " (women-only races)" : ""),
                "mark", "athlete", "country", "date", "competition", "recorded at", "status");
            table.Caption("= equalled; * pending ratification");
            foreach (var p in v.Progression)
                table.AddRow(Text(p.Shown), Text(p.Athlete), Text(p.Country), Text(p.Date), Text(p.Competition), Text(p.RecordedAt.ToString("u")),
                    Text(p.RescindedAt is { } at ? $"{Words(p.Status)} {at:u}: {p.RescindReason}" : Words(p.Status)));
            return table;
        });
    }

    private static string Words(RecordStatus status) => status == RecordStatus.NotRatified ? "not ratified" : status.ToString().ToLowerInvariant();
}
