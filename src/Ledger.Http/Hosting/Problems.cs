using Ledger.Http.Pages;
using Ledger.Store.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Ledger.Http.Hosting;

/// <summary>
/// What a request that failed answers, in one place: a refusal by its kind, as problem details (RFC 9457)
/// naming each wrong field; the database away or out of space as 503 with Retry-After, naming the cause.
/// A page answers the same in HTML.
/// </summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext context)
    {
        var handled = context.Features.Get<IExceptionHandlerFeature>();
        var error = handled?.Error;
        var fault = error is null ? null : context.RequestServices.GetRequiredService<DatabaseFaults>().Describe(error);
        var (status, detail, errors) = error switch
        {
            Refusal refusal => Of(refusal),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
            _ when fault is not null => (503, $"The ledger cannot answer now: {fault}. Try again in a few seconds.", null),
            _ => (500, "The ledger failed to answer; see its log.", null),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Problems)).LogWarning("{Fault}", fault);
            context.Response.Headers.RetryAfter = ((int)DatabaseFaults.RetryAfter.TotalSeconds).ToString();
        }

        var answer = handled?.Endpoint?.Metadata.GetMetadata<WebPage>() is not null ? MessagePage.For(status, Page(detail, errors))
            : errors is null ? Results.Problem(detail, statusCode: status)
            : Results.ValidationProblem(errors, detail, statusCode: status);
        await answer.ExecuteAsync(context);
    }

    /// <summary>
    /// A refusal made before any endpoint ran, which has no body of its own (a path no route takes, such as an empty
    /// athlete in /athletes//pbs): problem details too, or the error page for a browser.
    /// </summary>
    public static async Task WriteStatusAsync(StatusCodeContext refused)
    {
        var http = refused.HttpContext;
        var status = http.Response.StatusCode;
        var detail = status == StatusCodes.Status404NotFound ? "There is nothing at this address." : ReasonPhrases.GetReasonPhrase(status);
        var answer = PagesForBrowsers.PrefersHtml(http.Request.GetTypedHeaders())
            ? MessagePage.For(status, detail)
            : Results.Problem(detail, statusCode: status);
        await answer.ExecuteAsync(http);
    }

    /// <summary>The status a refusal is answered with.</summary>
    public static int StatusOf(Refusal refusal) => Of(refusal).Status;

    /// <summary>The status, detail and wrong fields of each kind of refusal.</summary>
    private static (int Status, string Detail, Dictionary<string, string[]>? Errors) Of(Refusal refusal) => refusal switch
    {
        Refused refused => (StatusCodes.Status400BadRequest, "The request was refused; nothing was written.",
            refused.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())),
        NotFound => (StatusCodes.Status404NotFound, $"There is {refusal.Message}.", null),
        Conflict => (StatusCodes.Status409Conflict, refusal.Message, null),
        IdReused reused => (StatusCodes.Status422UnprocessableEntity, "The request reuses an id given to another request; nothing was written.",
            new() { [reused.Problem.Field] = [reused.Problem.Message] }),
        Forbidden { Unidentified: true } => (StatusCodes.Status401Unauthorized, refusal.Message, null),
        _ => (StatusCodes.Status403Forbidden, refusal.Message, null),
    };

    /// <summary>On a page, the wrong fields are said after the detail, a sentence each.</summary>
    private static string Page(string detail, Dictionary<string, string[]>? errors) =>
        errors is null ? detail : string.Join(" ", errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}.")).Prepend(detail));
}
