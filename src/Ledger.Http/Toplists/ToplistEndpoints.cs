using Ledger.Store.Toplists;

namespace Ledger.Http.Toplists;

public static class ToplistEndpoints
{
    public static Routes MapToplists(this Routes routes)
    {
        routes.Reads.MapGet("/toplists/{discipline}", (string discipline, string? sex, int? year, string? country, string? asOf, string? knownAt, int? limit,
                bool? allMarks, bool? indoor, bool? windAssisted, ToplistQueries toplists, CancellationToken c) =>
                toplists.ToplistAsync(ToplistFilter.Of(discipline, Parameters.SexOf(sex, "sex"), year, country, Parameters.AsOf(asOf, "asOf"),
                    Parameters.KnownAt(knownAt, "knownAt"), limit, allMarks ?? false, indoor ?? false, windAssisted ?? false, Parameters.Query), c))
            .WithName("GetToplist")
            .WithSummary("The best legal marks of a discipline and sex (one per athlete unless allMarks; indoors with indoor=true; wind-assisted marks " +
                         "too with windAssisted=true), of a year or all time, of a country or the world")
            .ProducesProblem(400).ProducesProblem(404);
        routes.Pages.MapGet("/toplists", ToplistPage.RenderAsync);
        return routes;
    }
}
