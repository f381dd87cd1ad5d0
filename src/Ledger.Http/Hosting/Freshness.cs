using System.Security.Cryptography;
using System.Text;
using Ledger.Http.Pages;
using Microsoft.Net.Http.Headers;

namespace Ledger.Http.Hosting;

/// <summary>Marks a read whose answer changes only when events are appended: it carries an ETag and is cached.</summary>
public sealed class EventRead;

/// <summary>
/// HTTP caching of the reads and pages. An answer depends on the events behind it: an athlete's
/// reads on that athlete's stream (its version and when it last grew), every other read on the
/// ledger as a whole (its last event). That, with the URL, the kind of answer (page, JSON or CSV) and this build, is the ETag: a client
/// that sends it back in If-None-Match gets 304 without the answer being worked out again, and the
/// server's output cache keeps each answer under it, so a repeated view is not rendered again.
/// </summary>
public static class Freshness
{
    /// <summary>Anyone may store a read, but must ask again before using it: a write shows at once.</summary>
    public const string CacheControl = "public, no-cache";

    private const string Policy = "events";
    private const string Events = "ledger.events";

    // A new build may render the same events differently.
    private static readonly string Build = typeof(Freshness).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public static void AddFreshness(this IServiceCollection services) =>
        services.AddOutputCache(cache => cache.AddPolicy(Policy, policy => policy
            .SetVaryByQuery("*")
            .SetVaryByHeader(HeaderNames.Accept)
            .VaryByValue(http => new KeyValuePair<string, string>(Events, (string)http.Items[Events]!))));

    /// <summary>Answers If-None-Match and stamps ETags before the output cache, which then keys answers by the same events.</summary>
    public static void UseFreshness(this IApplicationBuilder app)
    {
        app.Use(CheckAsync);
        app.UseOutputCache();
    }

    /// <summary>Caches the endpoints: an ETag, 304s, and the output cache keyed by the events behind them.</summary>
    public static TBuilder CachedByEvents<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new EventRead()).CacheOutput(Policy);

    private static async Task CheckAsync(HttpContext http, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<EventRead>() is null)
        {
            await next(http);
            return;
        }

        var events = await EventsBehindAsync(http);
        http.Items[Events] = events;
        var kind = http.GetEndpoint()!.Metadata.GetMetadata<WebPage>() is not null ? "html" : CsvAnswers.Asked(http.Request) ? "csv" : "json";
        var etag = new EntityTagHeaderValue($"\"{Build}-{events}-{kind}-{Hash(http.Request.Path + http.Request.QueryString)}\"", isWeak: true);

        http.Response.Headers.CacheControl = CacheControl;
        http.Response.Headers.Vary = HeaderNames.Accept;
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag == EntityTagHeaderValue.Any))
        {
            http.Response.Headers.ETag = etag.ToString();
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status200OK) http.Response.Headers.ETag = etag.ToString();
            return Task.CompletedTask;
        });
        await next(http);
    }

    private static async Task<string> EventsBehindAsync(HttpContext http)
    {
        var positions = http.RequestServices.GetRequiredService<EventPositions>();
        return (http.Request.RouteValues["athlete"] ?? http.Request.RouteValues["slug"]) is string athlete
            ? $"a{await positions.StreamStateAsync(athlete, http.RequestAborted)}"
            : $"e{await positions.LastEventAsync(http.RequestAborted)}";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
