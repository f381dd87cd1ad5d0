using JasperFx.CommandLine;
using Ledger.Cli.Verbs;
using Ledger.Store.Careers;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Rendering;
using Spectre.Console;
using static Ledger.Cli.Verbs.Tables;

namespace Ledger.Cli.Careers;

[Description("An athlete's personal bests, per discipline")]
public class PbsCommand : LedgerCommand<AthleteInput>
{
    protected override async Task Run(AthleteInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<CareerQueries>().PersonalBestsAsync(input.Athlete, AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag));
        answers.Write(view, PersonalBests);
    }

    public static IRenderable PersonalBests(PbsView view)
    {
        // A column of wind-assisted bests only for an athlete who has one.
        var assisted = view.Bests.Any(b => b.WindAssistedBest is not null);
        var table = Table($"Personal bests of {Text(view.Athlete)}{Moment(view.AsOf, view.KnownAt)}",
            ["discipline", "mark", "date", "competition", .. assisted ? new[] { "wind-assisted best" } : []]);
        if (view.Legend.Length > 0) table.Caption(view.Legend);
        foreach (var b in view.Bests)
            table.AddRow([Text(b.Indoor ? $"{b.Discipline} (indoor)" : b.Discipline.Code), Text(Conditions.Shown(b.Mark, b.Wind, b.Indoor)), Text(b.Date),
                Text(b.Competition ?? "(reported best)"),
                .. assisted ? new[] { Text(b.WindAssistedBest is { } w
                    ? $"{Conditions.Shown(w.Mark, w.Wind, false)}, {w.Date}, {w.Competition ?? "(reported best)"}"
                    : "") } : []]);
        return table;
    }
}
