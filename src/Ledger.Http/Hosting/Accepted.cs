using Microsoft.AspNetCore.Http.Headers;

namespace Ledger.Http.Hosting;

public static class Accepted
{
    /// <summary>How much the request's Accept asks for a media type: its quality, 0 where it does not name it (a wildcard prefers none).</summary>
    public static double Quality(this RequestHeaders headers, string type) =>
        headers.Accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
}
