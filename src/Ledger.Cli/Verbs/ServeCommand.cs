using Ledger.Http.Hosting;
using Ledger.Store.Hosting;
using JasperFx.CommandLine;
using Ledger.Http.Keys;
using Ledger.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Ledger.Cli.Verbs;

public class ServeInput : LedgerInput
{
    [FlagAlias("urls")]
    [Description("Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';')")]
    public string UrlsFlag { get; set; } = "http://127.0.0.1:5080";
}

[Description("Serves the ledger over HTTP: the web pages, reads, writes (with LEDGER_API_KEY), /openapi/v1.json, /health and /metrics; keeps the ledger's own PostgreSQL running")]
public class ServeCommand : LedgerCommand<ServeInput>
{
    protected override bool UsesTables => false;

    protected override async Task Run(ServeInput input, IServiceProvider services)
    {
        var urls = input.UrlsFlag.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var access = WriteAccess.For(Environment.GetEnvironmentVariable("LEDGER_API_KEY"), urls);

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning).AddQuietRetries();
        builder.Host.UseLedger(Database.ConnectionString, Database.Local, readsPreferStandby: true);
        if (Database.Local is { } local) builder.Services.AddHostedService(s => ActivatorUtilities.CreateInstance<Supervision>(s, local));
        builder.AddLedgerApi();
        builder.WebHost.UseUrls(urls);

        var app = builder.Build();
        app.MapLedgerApi(access);
        await app.StartAsync();
        AnsiConsole.MarkupLine($"ledger listening on {Markup.Escape(string.Join(", ", urls))}; writes {(access.ApiKey is not null ? "need X-Api-Key" : access.Loopback ? "need X-Api-Key once a key is made (ledger keys add), open on loopback until then" : "need a key made by ledger keys add")}");
        await ((IHost)app).WaitForShutdownAsync();
    }
}
