using Ledger.Store.Records;

namespace Ledger.Http.Records;

public static class RecordEndpoints
{
    public static Routes MapRecords(this Routes routes)
    {
        var country = routes.Reads.MapGroup("/records/{country}").ProducesProblem(400).ProducesProblem(404);
        country.MapGet("", (string country, string? sex, string? asOf, string? knownAt, RecordQueries records, CancellationToken c) =>
                records.RecordsAsync(country, Parameters.SexOf(sex, "sex"), Parameters.AsOf(asOf, "asOf"), Parameters.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetRecords").WithSummary("The country's standing national records");
        country.MapGet("/{discipline}/history", (string country, string discipline, string? sex, string? knownAt, bool? indoor, RecordQueries records,
                CancellationToken c) =>
                records.RecordHistoryAsync(country, Parameters.Discipline(discipline, "discipline"), Parameters.SexOf(sex, "sex") ?? Sex.Men,
                    Parameters.KnownAt(knownAt, "knownAt"), indoor ?? false, c))
            .WithName("GetRecordHistory")
            .WithSummary("How a national record (outdoor, or indoor with indoor=true) progressed, rescinded marks included");
        routes.Pages.MapGet("/records/{country}", RecordsPage.RenderAsync);
        return routes;
    }
}
