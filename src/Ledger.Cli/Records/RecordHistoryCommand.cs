using Ledger.Store.Records;

namespace Ledger.Cli.Records;

public class RecordHistoryInput : KnownAtInput
{
    [Description("The country's IOC code, e.g. MGL")] public string Country { get; set; } = "";
    [Description("The discipline, e.g. marathon")] public string Discipline { get; set; } = "";
    [FlagAlias("sex"), Description("men or women (men when left out)")] public string? SexFlag { get; set; }
    [FlagAlias("indoor"), Description("The indoor record (the outdoor one when left out)")] public bool IndoorFlag { get; set; }
}

[Description("Every mark that was a national record, and what became of it", Name = "record-history")]
public class RecordHistoryCommand : LedgerCommand<RecordHistoryInput>
{
    protected override async Task Run(RecordHistoryInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<RecordQueries>().RecordHistoryAsync(
            input.Country, Parameters.Discipline(input.Discipline, "discipline"), SexOf(input.SexFlag) ?? Sex.Men, input.KnownAt,
            input.IndoorFlag);
        answers.Write(view, v =>
        {
            var table = Table($"{Text(v.Country)} {Text(v.Sex.ToString().ToLowerInvariant())}'s {Text(v.Discipline)}{(v.Indoor ? " indoor" : "")} record",
                "mark", "athlete", "date", "competition", "recorded at", "status");
            foreach (var p in v.Progression)
                table.AddRow(Text(p.Shown), Text(p.Athlete), Text(p.Date), Text(p.Competition), Text(p.RecordedAt.ToString("u")),
                    Text(p.Status == RecordStatus.Rescinded ? $"rescinded {p.RescindedAt:u}: {p.RescindReason}" : p.Status.ToString().ToLowerInvariant()));
            return table;
        });
    }
}
