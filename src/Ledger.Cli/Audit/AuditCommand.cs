using Ledger.Cli.Careers;
using Ledger.Store.Audit;

namespace Ledger.Cli.Audit;

public class AuditInput : ListInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public string Athlete { get; set; } = "";
}

[Description("Every event of an athlete as appended: version, time recorded, who, and what")]
public class AuditCommand : LedgerCommand<AuditInput>
{
    protected override async Task Run(AuditInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<AuditQueries>().AuditAsync(input.Athlete);
        answers.Write(view, v =>
        {
            var table = Table($"Audit of {Text(v.Athlete)}", "version", "recorded at", "user", "type", "detail");
            foreach (var e in v.Events)
                table.AddRow(Text(e.Version), Text(e.RecordedAt.ToString("u")), Text(e.User), Text(e.Type), Text(TimelineCommand.Describe(e.Event)));
            return table;
        });
    }
}
