using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Domain;
using Ledger.Http.Web;
using Ledger.Store;
using Ledger.Store.Commands;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Http;

/// <summary>
/// Request bodies are the fields of the event a command would append, read by <see cref="CommandInput"/>
/// as the command line's flags are, so the API refuses exactly what the CLI and an import refuse.
/// </summary>
public static class Body
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, string athlete, Action<JsonObject>? fromRoute = null) where T : class
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

        fromRoute?.Invoke(json);
        return CommandInput.Read<T>(athlete, json);
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
        var answer = handled?.Endpoint?.Metadata.GetMetadata<WebPage>() is not null ? MessagePage.For(status, detail)
            : errors is null ? Results.Problem(detail, statusCode: status)
            : Results.ValidationProblem(errors, detail, statusCode: status);
        await answer.ExecuteAsync(context);
    }
}
