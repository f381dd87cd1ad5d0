using Microsoft.Net.Http.Headers;

namespace Ledger.Http.Hosting;

/// <summary>
/// A read answers its list as CSV (<see cref="ViewCsv"/>) to a request that asks for it: by <c>Accept: text/csv</c>
/// (preferred over JSON), or by <c>?format=csv</c>, which a link can say where a browser's Accept cannot. JSON stays
/// the answer otherwise, and <c>?format=json</c> asks for it whatever the Accept. The file is named after the request.
/// </summary>
public static class CsvAnswers
{
    /// <summary>The query parameter that chooses the answer's format.</summary>
    public const string Format = "format";

    private const string Csv = "csv";
    private const string Json = "json";

    /// <summary>The URL of a list's CSV: its GET with <c>format=csv</c>.</summary>
    public static string Link(string list) => $"{list}{(list.Contains('?') ? '&' : '?')}{Format}={Csv}";

    /// <summary>Whether the request asks for CSV; a format other than csv or json is refused by the read itself.</summary>
    public static bool Asked(HttpRequest request)
    {
        if (request.Query[Format] is { Count: > 0 } format) return format == Csv;
        var headers = request.GetTypedHeaders();
        return headers.Quality(ViewCsv.MediaType) > headers.Quality("application/json");
    }

    /// <summary>The reads answer CSV when asked, and the API's description says so.</summary>
    public static RouteGroupBuilder AnswerCsvWhenAsked(this RouteGroupBuilder reads) =>
        reads.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (request.Query[Format] is { Count: > 0 } format && format != Csv && format != Json)
                throw new Refused(Format, $"{Format} '{format}' is not {Csv} or {Json}");
            var answer = await next(context);
            if (!Asked(request) || answer is null or IResult) return answer;
            context.HttpContext.Response.Headers.ContentDisposition =
                new ContentDispositionHeaderValue("attachment") { FileName = FileName(request) }.ToString();
            return Results.Bytes(ViewCsv.Write(answer), ViewCsv.ContentType);
        }).DescribedAsCsvToo(Format);

    /// <summary>
    /// The request's path and the values of its query, lower case, joined by '-': <c>/toplists/marathon?sex=men</c> is
    /// <c>toplists-marathon-men.csv</c>. Anything but a letter, a digit or a dot is a '-'.
    /// </summary>
    private static string FileName(HttpRequest request)
    {
        var parts = request.Path.Value!.Split('/').Concat(request.Query.Where(q => q.Key != Format).Select(q => q.Value.ToString()));
        var name = string.Join('-', parts
            .Select(part => string.Concat(part.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-')).Trim('-'))
            .Where(part => part.Length > 0));
        return $"{name}.{Csv}";
    }
}
