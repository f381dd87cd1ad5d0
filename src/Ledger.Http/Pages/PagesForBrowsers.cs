using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Routing.Matching;

namespace Ledger.Http.Pages;

/// <summary>
/// Where a page and a JSON read share a path, a request that prefers text/html (a browser) gets
/// the page and every other client the JSON, as before the pages existed; a request that names the
/// read's format (<see cref="CsvAnswers"/>: a page's link to its CSV) gets the read.
/// </summary>
public sealed class PagesForBrowsers : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(IsPage) && !endpoints.All(IsPage);

    public Task ApplyAsync(HttpContext http, CandidateSet candidates)
    {
        var valid = Enumerable.Range(0, candidates.Count).Where(candidates.IsValidCandidate).ToList();
        if (valid.Any(i => IsPage(candidates[i].Endpoint)) && !valid.All(i => IsPage(candidates[i].Endpoint)))
        {
            var page = PrefersHtml(http.Request.GetTypedHeaders()) && !http.Request.Query.ContainsKey(CsvAnswers.Format);
            foreach (var i in valid.Where(i => IsPage(candidates[i].Endpoint) != page))
                candidates.SetValidity(i, false);
        }

        return Task.CompletedTask;
    }

    private static bool IsPage(Endpoint endpoint) => endpoint.Metadata.GetMetadata<WebPage>() is not null;

    /// <summary>Whether the client asks for text/html over JSON, as a browser does.</summary>
    public static bool PrefersHtml(RequestHeaders headers) => headers.Quality("text/html") > headers.Quality("application/json");
}
