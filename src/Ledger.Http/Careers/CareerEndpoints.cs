using Ledger.Store.Careers;

namespace Ledger.Http.Careers;

public static class CareerEndpoints
{
    public static Routes MapCareers(this Routes routes)
    {
        var athlete = routes.Reads.MapGroup("/athletes/{athlete}").ProducesProblem(404).ProducesProblem(400);
        athlete.MapGet("/pbs", (string athlete, string? asOf, string? knownAt, CareerQueries careers, CancellationToken c) =>
                careers.PersonalBestsAsync(athlete, Parameters.AsOf(asOf, "asOf"), Parameters.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetPersonalBests").WithSummary("The athlete's personal bests, as of a date and as the ledger knew them at an instant");
        athlete.MapGet("/championships", (string athlete, string? asOf, string? knownAt, CareerQueries careers, CancellationToken c) =>
                careers.ChampionshipsAsync(athlete, Parameters.AsOf(asOf, "asOf"), Parameters.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetChampionships").WithSummary("The athlete's championships: editions, starts, finishes and medals");
        athlete.MapGet("/timeline", (string athlete, string? asOf, string? knownAt, CareerQueries careers, CancellationToken c) =>
                careers.TimelineAsync(athlete, Parameters.AsOf(asOf, "asOf"), Parameters.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetTimeline").WithSummary("The athlete's career in date order");
        routes.Pages.MapGet("/athletes/{slug}", ProfilePage.RenderAsync);
        return routes;
    }
}
