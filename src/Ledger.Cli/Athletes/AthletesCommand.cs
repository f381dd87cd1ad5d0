using Ledger.Store.Athletes;

namespace Ledger.Cli.Athletes;

public class AthletesInput : ListInput
{
    [FlagAlias("country"), Description("Only athletes of this country (IOC code, e.g. KEN)")] public string? CountryFlag { get; set; }
    [FlagAlias("sex"), Description("Only men or only women")] public string? SexFlag { get; set; }
    [FlagAlias("search"), Description("Only athletes whose name contains this text (any case)")] public string? SearchFlag { get; set; }
    [FlagAlias("page"), Description("Which page (from 1; 1 when left out)")] public string? PageFlag { get; set; }
    [FlagAlias("page-size"), Description("Athletes per page (100 when left out, at most 1000)")] public string? PageSizeFlag { get; set; }
}

[Description("Lists the athletes in the ledger, a page at a time")]
public class AthletesCommand : LedgerCommand<AthletesInput>
{
    protected override async Task Run(AthletesInput input, IServiceProvider services, Answers answers)
    {
        var filter = AthleteFilter.Of(input.CountryFlag, SexOf(input.SexFlag), input.SearchFlag, Number(input.PageFlag, "page"),
            Number(input.PageSizeFlag, "page_size"), Parameters.Flag);
        var view = await services.GetRequiredService<AthleteQueries>().AthletesAsync(filter);
        answers.Write(view, v =>
        {
            var table = Table($"Athletes: page {v.Page} of {v.Pages}, {v.Total} in all", "athlete", "name", "country", "sex");
            foreach (var a in v.Athletes) table.AddRow(Text(a.Athlete), Text(a.Name), Text(a.Country), Text(a.Sex.ToString().ToLowerInvariant()));
            return table;
        });
    }
}
