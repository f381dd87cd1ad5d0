using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Domain;
using Ledger.Http.Web;
using Ledger.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Http;

/// <summary>
/// Request bodies are the fields of the event a command would append, read with the same rules as
/// a line of an event file, so the API refuses exactly what an import refuses, field by field.
/// Text is stored as sent, never interpreted.
/// </summary>
public static class Body
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, string athlete, Action<JsonObject>? complete = null) where T : class
    {
        // Kestrel refuses larger bodies by itself; this holds for any server the API is mounted on.
        if (request.ContentLength > LedgerApi.MaxBodyBytes)
            throw new BadHttpRequestException($"the body is over {LedgerApi.MaxBodyBytes} bytes", StatusCodes.Status413PayloadTooLarge);

        JsonObject json;
        try
        {
            json = await JsonNode.ParseAsync(request.Body) as JsonObject
                   ?? throw new CommandRefused([new FieldProblem("(body)", "the body must be a JSON object")]);
        }
        catch (JsonException e)
        {
            throw new CommandRefused([new FieldProblem("(body)", $"not valid JSON: {e.Message}")]);
        }

        complete?.Invoke(json);
        json["type"] = EventFormat.TypeName(typeof(T));
        json["athlete"] = athlete;
        return EventFormat.Parse(json.ToJsonString(), out var problems)?.Data as T ?? throw new CommandRefused(problems);
    }

    /// <summary>Who a write is recorded as: the key's name, then the person X-User names ("athletics-kenya/jane"); "api" with neither.</summary>
    public static string User(HttpRequest request)
    {
        var person = request.Headers["X-User"].FirstOrDefault() is { Length: > 0 } user ? user : null;
        return request.HttpContext.Items[WriteAccess.KeyName] is string key
            ? person is null ? key : $"{key}/{person}"
            : person ?? "api";
    }

    public static string? CommandId(HttpRequest request) =>
        request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } key ? key : null;
}

/// <summary>Query-string moments, read as the command line reads its flags.</summary>
public static class Moments
{
    public static DateOnly? AsOf(string? text) => text is null ? null : PartialDate.Parse(text).LastDay;

    public static DateTimeOffset? KnownAt(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new FormatException($"knownAt '{text}' is not an ISO 8601 instant like 2026-01-31T12:00:00Z");

    /// <summary>A whole number from a query string; a blank value (as an empty form field sends) is none.</summary>
    public static int? Number(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : throw new FormatException($"{name} '{text}' is not a whole number");

    public static Sex? SexOf(string? text) => text switch
    {
        null => null,
        "men" => Sex.Men,
        "women" => Sex.Women,
        _ => throw new FormatException($"sex '{text}' is not men or women"),
    };
}

/// <summary>
/// Refusals as problem details (RFC 9457), naming each field that was wrong; the database away or
/// out of space as 503 with Retry-After, naming the cause. A page answers the same words in HTML.
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
            CommandRefused refused => (400, "The command was refused; nothing was appended.",
                refused.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())),
            FormatException or InputRefused => (400, error.Message, null),
            NotInLedger => (404, error.Message, null),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
            _ when fault is not null => (503, $"The ledger cannot answer now: {fault}. Try again in a few seconds.", null),
            _ => (500, "The ledger failed to answer; see its log.", (Dictionary<string, string[]>?)null),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Problems)).LogWarning("{Fault}", fault);
            context.Response.Headers.RetryAfter = ((int)DatabaseFaults.RetryAfter.TotalSeconds).ToString();
        }
        var answer = handled?.Endpoint?.Metadata.GetMetadata<WebPage>() is not null ? Html.Error(status, detail)
            : errors is null ? Results.Problem(detail, statusCode: status)
            : Results.ValidationProblem(errors, detail, statusCode: status);
        await answer.ExecuteAsync(context);
    }
}
