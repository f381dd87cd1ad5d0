using Ledger.Cli.Careers;
using Ledger.Cli.ImportExport;
using Ledger.Cli.Records;
using Ledger.Store.Athletes;
using Ledger.Store.Careers;
using Ledger.Store.ImportExport;
using Ledger.Store.Records;

namespace Ledger.Cli.Demo;

public class DemoInput : LedgerInput
{
    [Description("The folder of event files to import")] public string Events { get; set; } = "events";
    [FlagAlias("athlete"), Description("The athlete to show")] public string AthleteFlag { get; set; } = "bat-ochir-ser-od";
}

public sealed record DemoAnswer(ImportAnswer Import, PbsView Bests, RecordsView Records, ChampionshipsView Championships);

[Description("Imports events/ into the ledger's database and shows the seed athlete's bests, national records and championships")]
public class DemoCommand : LedgerCommand<DemoInput>
{
    public DemoCommand()
    {
        Usage("Import the events of a folder").Arguments(x => x.Events);
        Usage("Import events/ and show the seed athlete");
    }

    protected override async Task Run(DemoInput input, IServiceProvider services, Answers answers)
    {
        var outcome = await services.GetRequiredService<Importer>().ImportAsync([input.Events], Actor.Current());
        var careers = services.GetRequiredService<CareerQueries>();
        var bests = await careers.PersonalBestsAsync(input.AthleteFlag);
        var country = (await services.GetRequiredService<AthleteQueries>().SummaryAsync(input.AthleteFlag)).Country;
        var records = await services.GetRequiredService<RecordQueries>().RecordsAsync(country);
        var championships = await careers.ChampionshipsAsync(input.AthleteFlag);

        answers.Write(new DemoAnswer(new ImportAnswer(outcome.Appended, outcome.Skipped), bests, records, championships), v => new Rows(
            new Markup($"imported {Markup.Escape(input.Events)}: appended {outcome.Appended} events, skipped {outcome.Skipped} already in the ledger\n"),
            PbsCommand.PersonalBests(v.Bests),
            RecordsCommand.Records(v.Records),
            ChampionshipsCommand.Championships(v.Championships)));
    }
}
