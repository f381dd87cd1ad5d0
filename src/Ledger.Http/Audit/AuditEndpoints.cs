using Ledger.Store.Audit;

namespace Ledger.Http.Audit;

public static class AuditEndpoints
{
    public static Routes MapAudit(this Routes routes)
    {
        routes.Reads.MapGet("/athletes/{athlete}/audit", (string athlete, AuditQueries audit, CancellationToken c) => audit.AuditAsync(athlete, c))
            .WithName("GetAudit").WithSummary("Every event of the athlete's stream, with who appended it and when").ProducesProblem(404);
        routes.Pages.MapGet("/athletes/{slug}/audit", AuditPage.RenderAsync);
        return routes;
    }
}
