using Ledger.Store;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Http;

/// <summary>
/// ASP.NET Core's health checks: <c>/health/live</c> answers 200 while the process serves at all,
/// <c>/health/ready</c> (and <c>/health</c>) 200 while the database answers too, else 503 with the reason.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseAnswers>("database", tags: [Ready]);

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
    }

    /// <summary>{"status":"healthy"}, or "unhealthy" with the reason.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var status = report.Status.ToString().ToLowerInvariant();
        var reason = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null);
        return http.Response.WriteAsJsonAsync<object>(reason is null ? new { status } : new { status, reason });
    }

    private sealed class DatabaseAnswers(IDocumentStore store, DatabaseFaults faults) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation)
        {
            try
            {
                await using var session = store.QuerySession();
                await session.QueryAsync<int>("select 1", cancellation);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (faults.Describe(e) is { } cause)
            {
                return HealthCheckResult.Unhealthy(cause);
            }
        }
    }
}
