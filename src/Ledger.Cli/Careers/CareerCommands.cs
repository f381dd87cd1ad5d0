using Ledger.Store.Careers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console.Rendering;

namespace Ledger.Cli.Careers;

/// <summary>A read of an athlete's career, as of a date and as known at an instant, answered as a table or its JSON.</summary>
public abstract class CareerCommand<TView>(Func<CareerQueries, AthleteInput, Task<TView>> read, Func<TView, IRenderable> table)
    : LedgerCommand<AthleteInput>
{
    protected sealed override async Task Run(AthleteInput input, IServiceProvider services, Answers answers) =>
        answers.Write(await read(services.GetRequiredService<CareerQueries>(), input), table);
}

[Description("An athlete's personal bests, per discipline")]
public class PbsCommand() : CareerCommand<PbsView>((careers, input) => careers.PersonalBestsAsync(input.Athlete, input.AsOf, input.KnownAt), PersonalBests)
{
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

[Description("An athlete's championship counts, per series")]
public class ChampionshipsCommand()
    : CareerCommand<ChampionshipsView>((careers, input) => careers.ChampionshipsAsync(input.Athlete, input.AsOf, input.KnownAt), Championships)
{
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

[Description("An athlete's career in date order")]
public class TimelineCommand() : CareerCommand<TimelineView>((careers, input) => careers.TimelineAsync(input.Athlete, input.AsOf, input.KnownAt), Timeline)
{
    public static IRenderable Timeline(TimelineView view)
    {
        var table = Table($"Career of {Text(view.Athlete)}{Moment(view.AsOf, null)}", "date", "what", "detail");
        foreach (var e in view.Events)
            table.AddRow(Text(e.Date), Text(e.Type), Text(Describe(e.Event)));
        return table;
    }

    /// <summary>An event's fields in a line, as "competition Berlin Marathon, mark 2:12:42"; its date and source left out.</summary>
    public static string Describe(object @event) =>
        string.Join(", ", EventFormat.FieldsOf(@event)
            .Where(f => f.Key is not ("date" or "source"))
            .Select(f => $"{f.Key.Replace('_', ' ')} " +
                $"{(f.Value is JsonValue value ? value.Deserialize<object>()!.ToString() : f.Value!.ToJsonString(EventFormat.Options))}"));
}
