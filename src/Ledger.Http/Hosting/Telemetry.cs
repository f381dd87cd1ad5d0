using Microsoft.Extensions.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OpenTelemetry;

namespace Ledger.Http.Hosting;

/// <summary>
/// Metrics and traces through OpenTelemetry: ASP.NET Core's requests, and the database work of
/// Npgsql, Marten and Wolverine (their meters and activity sources share their names). Metrics are
/// served in Prometheus' text format at <c>/metrics</c> on a listener of their own
/// (<see cref="MetricsUrlSetting"/>), never on the API's; traces, and metrics too, go to an
/// OpenTelemetry collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names one.
/// </summary>
public static class Telemetry
{
    private static readonly string[] Libraries = ["Npgsql", "Marten", "Wolverine"];

    /// <summary>Where <c>serve</c> serves its metrics.</summary>
    public const string MetricsUrlSetting = "LEDGER_METRICS_URL";

    /// <summary>
    /// Loopback, so only a scraper on the same machine reads the ledger's internals, on the port
    /// Prometheus' exporters use for OpenTelemetry.
    /// </summary>
    public const string DefaultMetricsUrl = "http://127.0.0.1:9464";

    public static void AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ledger"))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(Libraries).AddPrometheusExporter());
        // Traces are only worth their cost where something collects them.
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(Libraries)).UseOtlpExporter();
    }

    /// <summary>
    /// The port of the metrics listener. A request is told to be for it by the port it came in on, not by its Host
    /// header, which any client writes as it likes; so no URL the API listens on may share that port.
    /// </summary>
    public static int MetricsPort(string metricsUrl, IEnumerable<string> apiUrls)
    {
        var metrics = Parse(metricsUrl, MetricsUrlSetting);
        if (metrics.PathBase.Length > 0)
            throw new Refused(MetricsUrlSetting, $"'{metricsUrl}' has a path; name the listener alone, e.g. {DefaultMetricsUrl}: metrics are at its /metrics");
        if (metrics.Port == 0) throw new Refused(MetricsUrlSetting, $"'{metricsUrl}' names no port; name one, e.g. {DefaultMetricsUrl}");
        if (apiUrls.Any(url => Parse(url, "--urls").Port == metrics.Port))
            throw new Refused(MetricsUrlSetting, $"'{metricsUrl}' is on port {metrics.Port}, which the API listens on (--urls): metrics need their own");
        return metrics.Port;
    }

    private static BindingAddress Parse(string url, string setting)
    {
        try
        {
            return BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            throw new Refused(setting, $"'{url}' is not a URL to listen on, like {DefaultMetricsUrl}");
        }
    }

    /// <summary>On the metrics listener, <c>/metrics</c> and nothing else (any other path is 404); the API's listeners never serve it.</summary>
    public static void UseMetricsListener(this IApplicationBuilder app, int port) =>
        app.MapWhen(http => http.Connection.LocalPort == port, metrics => metrics.UseOpenTelemetryPrometheusScrapingEndpoint());
}
