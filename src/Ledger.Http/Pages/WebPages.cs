
namespace Ledger.Http.Pages;

/// <summary>
/// The server-rendered front end: the athletes, a profile, a country's records, toplists and an athlete's
/// audit, read with the same queries as the JSON API.
/// </summary>
public static class WebPages
{
    public static void AddWebPages(this IServiceCollection services)
    {
        services.AddSingleton<MatcherPolicy, PagesForBrowsers>();
        // Rendered on the server as plain HTML (RazorComponentResult): no circuit, no WebAssembly.
        services.AddRazorComponents();
        // Letters of every script stay as they are (a native name in Cyrillic stays readable in the source).
        services.AddWebEncoders(encoders =>
            encoders.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    /// <summary>The group every page is mapped in: cached by the events behind it, and left out of the API's description.</summary>
    public static RouteGroupBuilder MapWebPages(this IEndpointRouteBuilder app) =>
        app.MapGroup("")
            .WithMetadata(new WebPage())
            .CachedByEvents()
            .ExcludeFromDescription();
}

/// <summary>Marks an endpoint as a page.</summary>
public sealed class WebPage;
