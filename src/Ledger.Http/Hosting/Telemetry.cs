using Microsoft.Extensions.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OpenTelemetry;

namespace Ledger.Http.Hosting;

/// <summary>
/// Metrics and traces through OpenTelemetry: ASP.NET Core's requests, and the database work of
/// Npgsql, Marten and Wolverine (their meters and activity sources share their names). Metrics are
/// served at <c>/metrics</c> in Prometheus' text format; traces, and metrics too, go to an
/// OpenTelemetry collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names one.
/// </summary>
public static class Telemetry
{
    private static readonly string[] Libraries = ["Npgsql", "Marten", "Wolverine"];

    public static void AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ledger"))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(Libraries).AddPrometheusExporter());
        // Traces are only worth their cost where something collects them.
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(Libraries)).UseOtlpExporter();
    }

    public static void MapTelemetry(this IEndpointRouteBuilder app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
