using Ledger.Store.Toplists;

namespace Ledger.Cli.Toplists;

public class ToplistInput : MomentInput
{
    [Description("The discipline, e.g. marathon")] public string Discipline { get; set; } = "";
    [FlagAlias("sex"), Description("men or women")] public string? SexFlag { get; set; }
    [FlagAlias("year"), Description("The marks of this year (a partial date belongs to its year)")] public string? YearFlag { get; set; }
    [FlagAlias("all-time"), Description("The marks of every year (so when --year is left out)")] public bool AllTimeFlag { get; set; }
    [FlagAlias("country"), Description("Only athletes of this country (IOC code); the world when left out")] public string? CountryFlag { get; set; }
    [FlagAlias("limit"), Description("How many entries (50 when left out, at most 1000)")] public string? LimitFlag { get; set; }
    [FlagAlias("all-marks"), Description("Every mark, not only each athlete's best")] public bool AllMarksFlag { get; set; }
    [FlagAlias("indoor"), Description("The indoor list (outdoor marks when left out)")] public bool IndoorFlag { get; set; }
    [FlagAlias("wind-assisted"), Description("Wind-assisted marks too (over +2.0 m/s), which the list leaves out when left out")]
    public bool WindAssistedFlag { get; set; }
}

[Description("The best marks of a discipline, of a year or all time, for a country or the world")]
public class ToplistCommand : LedgerCommand<ToplistInput>
{
    protected override async Task Run(ToplistInput input, IServiceProvider services, Answers answers)
    {
        if (input.AllTimeFlag && input.YearFlag is not null) throw new Refused("--year", "give --year or --all-time, not both");
        var filter = ToplistFilter.Of(input.Discipline, SexOf(input.SexFlag), Number(input.YearFlag, "year"), input.CountryFlag,
            input.AsOf, input.KnownAt, Number(input.LimitFlag, "limit"), input.AllMarksFlag, input.IndoorFlag, input.WindAssistedFlag,
            Parameters.Flag);
        var view = await services.GetRequiredService<ToplistQueries>().ToplistAsync(filter);
        answers.Write(view, v =>
        {
            var table = Table($"{Text(v.Title)}{Moment(v.AsOf, v.KnownAt)}", "rank", "mark", "", "athlete", "country", "date", "competition", "venue");
            table.Caption("PB the athlete's personal best, NR a national record when set; w wind-assisted, wind in m/s in brackets");
            foreach (var e in v.Entries)
                table.AddRow(Text(e.Rank), Text(Conditions.Shown(e.Mark, e.Wind, false)),
                    Text(string.Join(" ", new[] { e.PersonalBest ? "PB" : null, e.NationalRecord ? "NR" : null }.OfType<string>())),
                    Text(e.Name), Text(e.Country), Text(e.Date), Text(e.Competition ?? "(reported best)"), Text(e.Venue));
            return table;
        });
    }
}
