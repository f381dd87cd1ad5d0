using Ledger.Cli.Database;
using Ledger.Http.Hosting;
using Ledger.Http.Keys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Ledger.Cli.Serving;

public class ServeInput : LedgerInput
{
    [FlagAlias("urls"), Description("Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';')")]
    public string UrlsFlag { get; set; } = "http://127.0.0.1:5080";

    public string[] Urls => UrlsFlag.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Who may write: the key of LEDGER_API_KEY, keys made by ledger keys add, or anyone on loopback before any is.</summary>
    public WriteAccess Access => WriteAccess.For(Environment.GetEnvironmentVariable("LEDGER_API_KEY"), Urls);

    public string MetricsUrl => Environment.GetEnvironmentVariable(Telemetry.MetricsUrlSetting) is { Length: > 0 } url ? url : Telemetry.DefaultMetricsUrl;

    /// <summary>The process's host with a web server, and the ledger's own PostgreSQL kept running while it serves.</summary>
    public override IHost BuildHost()
    {
        var metricsPort = Telemetry.MetricsPort(MetricsUrl, Urls);
        return HostBuilder
            .ConfigureServices(services =>
            {
                if (DatabaseLocation.Local is { } local) services.AddHostedService(s => ActivatorUtilities.CreateInstance<Supervision>(s, local));
            })
            .ConfigureWebHostDefaults(web => web
                .UseUrls([.. Urls, MetricsUrl])
                .ConfigureServices((context, services) => services.AddLedgerApi(context.Configuration))
                .Configure(app => app.UseLedgerApi(Access, metricsPort)))
            .Build();
    }
}

[Description("Serves the ledger over HTTP: the web pages, reads, writes (with LEDGER_API_KEY), /openapi/v1.json and /health; " +
             "/metrics apart, at LEDGER_METRICS_URL (http://127.0.0.1:9464); keeps the ledger's own PostgreSQL running")]
public class ServeCommand : LedgerCommand<ServeInput>
{
    protected override bool UsesTables => false;

    protected override async Task Run(ServeInput input, IServiceProvider services, Answers answers)
    {
        var host = services.GetRequiredService<IHost>();
        await host.StartAsync();
        var access = input.Access;
        var writes = access.ApiKey is not null ? "need X-Api-Key"
            : access.Loopback ? "need X-Api-Key once a key is made (ledger keys add), open on loopback until then"
            : "need a key made by ledger keys add";
        var metrics = $"{input.MetricsUrl.TrimEnd('/')}/metrics";
        answers.Write(input.Urls, urls => $"ledger listening on {string.Join(", ", urls)}; writes {writes}; metrics at {metrics}");
        await host.WaitForShutdownAsync();
    }
}
