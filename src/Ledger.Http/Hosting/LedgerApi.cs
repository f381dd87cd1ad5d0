using Ledger.Http.Athletes;
using Ledger.Http.Audit;
using Ledger.Http.Careers;
using Ledger.Http.ImportExport;
using Ledger.Http.Keys;
using Ledger.Http.Pages;
using Ledger.Http.Records;
using Ledger.Http.Toplists;
using Ledger.Http.Writing;
using Ledger.Store.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Ledger.Http.Hosting;

/// <summary>
/// The ledger over HTTP: every read verb as a GET answering the same JSON as <c>--json</c>, every
/// writing verb as a POST sending the same command through the bus; and the web pages (<see cref="WebPages"/>).
/// </summary>
public static class LedgerApi
{
    /// <summary>Request bodies are single facts; anything larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>The API's services, on any web host: `ledger serve`'s, and the tests'.</summary>
    public static IServiceCollection AddLedgerApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        // A query value that is not of its parameter's type (page=abc) is thrown to Problems, which answers it as every
        // refusal is, where the framework would answer 400 with no body at all.
        services.Configure<RouteHandlerOptions>(handlers => handlers.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            EventFormat.Configure(json.SerializerOptions);
            json.SerializerOptions.DefaultIgnoreCondition = ViewJson.Options.DefaultIgnoreCondition;
            // Bodies are read by the event format, which takes no number from a string; so says the description.
            json.SerializerOptions.NumberHandling = EventFormat.Options.NumberHandling;
        });
        services.AddApiDescription();
        // A public read may come from a standby, which may lag; a client that holds a key reads what
        // it has just written, from the primary.
        services.AddHttpContextAccessor();
        services.AddSingleton<ReadsFromPrimary>(provider =>
        {
            var http = provider.GetRequiredService<IHttpContextAccessor>();
            return () => http.HttpContext?.Items.ContainsKey(WriteAccess.KeyHolder) == true;
        });
        services.AddWebPages();
        services.AddFreshness();
        services.AddHealth();
        services.AddTelemetry(configuration);
        services.AddWriteLimits(configuration);
        return services;
    }

    /// <summary>
    /// The API's pipeline and endpoints; <paramref name="access"/> says who may write. Metrics are served on the
    /// listener at <paramref name="metricsPort"/> alone (none without one), before anything the API's requests go through.
    /// </summary>
    public static void UseLedgerApi(this IApplicationBuilder app, WriteAccess access, int? metricsPort = null)
    {
        if (metricsPort is { } port) app.UseMetricsListener(port);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = Problems.WriteAsync,
            // A refusal is the client's, answered and done; the database away is said in one line (Problems): neither is a
            // stack trace per request.
            SuppressDiagnosticsCallback = handled => handled.Exception is Refusal or Microsoft.AspNetCore.Http.BadHttpRequestException
                                                     || DatabaseFaults.Unreachable(handled.Exception) || DatabaseFaults.DiskFull(handled.Exception),
        });
        app.UseStatusCodePages(Problems.WriteStatusAsync);
        app.UseRouting();
        app.Use(access.NoteKeyHolders);
        app.UseFreshness();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi("/openapi/{documentName}.json");
            endpoints.MapHealth();
            // A read, like a write, may meet the database away or out of space.
            var reads = endpoints.MapGroup("").WithTags("read").CachedByEvents().Anonymous().AnswerCsvWhenAsked()
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
            new Routes(reads, endpoints.MapWebPages()).MapAthletes().MapCareers().MapAudit().MapRecords().MapToplists();
            endpoints.MapGroup("").WithTags("write").AddEndpointFilter(access.Check).LimitedPerKey().Writes().MapWrites().MapResultImports();
        });
    }
}
