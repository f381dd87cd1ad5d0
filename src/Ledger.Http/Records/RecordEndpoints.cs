using Ledger.Store.Records;

namespace Ledger.Http.Records;

public static class RecordEndpoints
{
    public static Routes MapRecords(this Routes routes)
    {
        var scope = routes.Reads.MapGroup("/records/{scope}").ProducesProblem(400).ProducesProblem(404);
        scope.MapGet("", (string scope, string? sex, string? asOf, string? knownAt, bool? ratifiedOnly, bool? womenOnly, RecordQueries records,
                    CancellationToken c) =>
                records.RecordsAsync(scope, Parameters.SexOf(sex, "sex"), Parameters.AsOf(asOf, "asOf"), Parameters.KnownAt(knownAt, "knownAt"),
                    ratifiedOnly ?? false, womenOnly ?? false, c))
            .WithName("GetRecords")
            .WithSummary("The standing records of a scope: world, an area (asia), a country (MGL) or championship:SERIES; pending ones with status pending");
        scope.MapGet("/{discipline}/history", (string scope, string discipline, string? sex, string? knownAt, bool? indoor, bool? womenOnly,
                    RecordQueries records, CancellationToken c) =>
                records.RecordHistoryAsync(scope, Parameters.Discipline(discipline, "discipline"), Parameters.SexOf(sex, "sex") ?? Sex.Men,
                    Parameters.KnownAt(knownAt, "knownAt"), indoor ?? false, womenOnly ?? false, c))
            .WithName("GetRecordHistory")
            .WithSummary("How a record of a scope (outdoor, or indoor with indoor=true; women-only road with womenOnly=true) progressed, " +
                         "rescinded and declined claims included");
        routes.Pages.MapGet("/records/{scope}", RecordsPage.RenderAsync);
        return routes;
    }
}
