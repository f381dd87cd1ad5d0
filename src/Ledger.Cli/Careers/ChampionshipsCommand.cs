using JasperFx.CommandLine;
using Ledger.Cli.Verbs;
using Ledger.Store.Careers;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Rendering;
using Spectre.Console;
using static Ledger.Cli.Verbs.Tables;

namespace Ledger.Cli.Careers;

[Description("An athlete's championship counts, per series")]
public class ChampionshipsCommand : LedgerCommand<AthleteInput>
{
    protected override async Task Run(AthleteInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<CareerQueries>().ChampionshipsAsync(input.Athlete, AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag));
        answers.Write(view, Championships);
    }

    public static IRenderable Championships(ChampionshipsView view)
    {
        var table = Table($"Championships of {Text(view.Athlete)}{Moment(view.AsOf, null)}",
            "championship", "ed.", "st.", "fin.", "dnf", "G", "S", "B", "best");
        table.Caption("ed. editions (years), st. starts, fin. finishes, G/S/B medals, best place");
        foreach (var c in view.Championships)
            table.AddRow(Text(c.Championship), Text(c.Editions), Text(c.Starts), Text(c.Finishes), Text(c.Dnf), Text(c.Gold), Text(c.Silver), Text(c.Bronze),
                Text(c.BestPlace));
        return table;
    }
}
