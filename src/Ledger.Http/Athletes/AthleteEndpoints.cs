using Ledger.Store.Athletes;

namespace Ledger.Http.Athletes;

public static class AthleteEndpoints
{
    public static Routes MapAthletes(this Routes routes)
    {
        routes.Reads.MapGet("/athletes", (string? country, string? sex, string? q, int? page, int? pageSize, AthleteQueries athletes, CancellationToken c) =>
                athletes.AthletesAsync(AthleteFilter.Of(Parameters.Text(country, "country"), Parameters.SexOf(sex, "sex"), Parameters.Text(q, "q"),
                    page, pageSize, Parameters.Query), c))
            .WithName("ListAthletes").WithSummary("One page of athletes, filtered by country and sex and searched by name (q)").ProducesProblem(400);
        routes.Pages.MapGet("/", IndexPage.RenderAsync);
        return routes;
    }
}
