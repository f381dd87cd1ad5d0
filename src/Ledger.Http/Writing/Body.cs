using System.Text.Json.Nodes;
using System.Text.Json;
using Ledger.Http.Keys;
using Ledger.Store.Commanding;

namespace Ledger.Http.Writing;

/// <summary>
/// Request bodies are the fields of the event a command would append, read by <see cref="CommandInput"/>
/// as the command line's flags are, so the API refuses exactly what the CLI and an import refuse.
/// </summary>
public static class Body
{
    /// <summary>The body as one JSON object, refused when it is not one.</summary>
    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        // Kestrel refuses larger bodies by itself; this holds for any server the API is mounted on.
        if (request.ContentLength > LedgerApi.MaxBodyBytes)
            throw new BadHttpRequestException($"the body is over {LedgerApi.MaxBodyBytes} bytes", StatusCodes.Status413PayloadTooLarge);

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                   ?? throw new Refused("(body)", "the body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new Refused("(body)", $"not valid JSON: {e.Message}");
        }

        // JSON's escapes can say what no text holds (\u0000, a lone \udc00): refused here, by field, before anything reads them as text.
        var problems = body.Where(field => field.Value is not null && !IsText(field.Value))
            .Select(field => new FieldProblem(field.Key, FieldRules.NotText)).ToList();
        return problems.Count == 0 ? body : throw new Refused(problems);
    }

    private static bool IsText(JsonNode value)
    {
        try
        {
            return value switch
            {
                JsonObject o => o.All(field => field.Value is null || IsText(field.Value)),
                JsonArray a => a.All(item => item is null || IsText(item)),
                _ => value.GetValueKind() != JsonValueKind.String || FieldRules.IsText(value.GetValue<string>()),
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Who a write is recorded as: the key's name, then the person X-User names ("athletics-kenya/jane"); "api" with neither.</summary>
    public static string User(HttpRequest request)
    {
        var person = request.Headers["X-User"].FirstOrDefault() is { Length: > 0 } user ? user : null;
        return request.HttpContext.Items[WriteAccess.KeyName] is string key
            ? person is null ? key : $"{key}/{person}"
            : person ?? "api";
    }

    /// <summary>
    /// The request's <c>Idempotency-Key</c>, which belongs to its sender: the key's name, or the
    /// environment's key, or (writes open on loopback) whoever sends without a key.
    /// </summary>
    public static CommandId? CommandId(HttpRequest request) => Store.Commanding.CommandId.Of(
        request.Headers[IdempotencyKey].FirstOrDefault(),
        request.HttpContext.Items[WriteAccess.KeyName] as string ?? (request.Headers.ContainsKey(WriteAccess.Header) ? "(LEDGER_API_KEY)" : "(no key)"),
        IdempotencyKey);

    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The header that tells a client its write was answered before, and this is that answer again (as payment APIs name it).</summary>
    public const string Replayed = "Idempotent-Replayed";
}
