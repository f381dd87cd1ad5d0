using Ledger.Store.Hosting;
using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Http.Hosting;

/// <summary>
/// ASP.NET Core's health checks: <c>/health/live</c> answers 200 while the process serves at all,
/// <c>/health/ready</c> (and <c>/health</c>) 200 while the database answers too, else 503 with the reason;
/// "degraded" (200) with the reason while reads answer and no primary does.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    /// <summary>
    /// Ready while reads answer (from a standby, where the connection names one); degraded, still 200,
    /// while no primary answers, so the reason shows and a load balancer keeps sending reads.
    /// </summary>
    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("database", s => new DatabaseAnswers(s, store => store.QuerySession()), HealthStatus.Unhealthy, [Ready]))
            .Add(new HealthCheckRegistration("primary", s => new DatabaseAnswers(s, store => store.LightweightSession(), onlyWithSeveralServers: true),
                HealthStatus.Degraded, [Ready]));

    public static void MapHealth(this IEndpointRouteBuilder app)
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

    /// <summary>
    /// Whether a session opened so answers: a query session (reads) or a document session (the
    /// primary, asked apart only where the connection names several servers).
    /// </summary>
    private sealed class DatabaseAnswers(IServiceProvider services, Func<IDocumentStore, IQuerySession> open,
        bool onlyWithSeveralServers = false) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation)
        {
            if (onlyWithSeveralServers && !services.GetRequiredService<DatabaseFaults>().SeveralServers) return HealthCheckResult.Healthy();
            try
            {
                await using var session = open(services.GetRequiredService<IDocumentStore>());
                await session.QueryAsync<int>("select 1", cancellation);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (services.GetRequiredService<DatabaseFaults>().Describe(e) is { } cause)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, cause);
            }
        }
    }
}
