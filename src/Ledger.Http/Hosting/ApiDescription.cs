using Ledger.Http.Keys;
using Ledger.Http.Writing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ledger.Http.Hosting;

/// <summary>
/// The OpenAPI description at <c>/openapi/v1.json</c>, complete enough for a client generator and a
/// linter: who may write (the <c>X-Api-Key</c> scheme), every refusal a request can meet as problem details.
/// </summary>
public static class ApiDescription
{
    private const string KeyScheme = "ApiKey";

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["read"] = "The read verbs, answering the same JSON as --json, or their list as CSV; cacheable, with an ETag.",
        ["write"] = "The writing verbs: each sends one command, whose body is the fields of the event it appends.",
    };

    public static void AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeAsync);
            options.AddSchemaTransformer(TextAsync);
        });

    /// <summary>Reads need no key; the description says so, or a client could not tell them from writes.</summary>
    public static TBuilder Anonymous<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Security = [];
            return Task.CompletedTask;
        });

    /// <summary>A read answers its list as CSV too (<see cref="CsvAnswers"/>): the answer's media type, and the query parameter that asks for it.</summary>
    public static TBuilder DescribedAsCsvToo<TBuilder>(this TBuilder reads, string format) where TBuilder : IEndpointConventionBuilder =>
        reads.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } answered })
                answered[ViewCsv.MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "The list as CSV (RFC 4180, UTF-8): a header row of the JSON entries' keys, nested ones dotted " +
                                      "(wind_assisted_best.mark), and a row per entry. A field starting with = + - @, a tab or a CR is quoted after a ' " +
                                      "so that a spreadsheet does not run it as a formula: a head wind -0.3 reads '-0.3.",
                    },
                };
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = format,
                In = ParameterLocation.Query,
                Description = "csv: the list as CSV, as Accept: text/csv asks (for a link, whose Accept a browser sets); json: as JSON (the default).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["csv", "json"] },
            });
            return Task.CompletedTask;
        });

    /// <summary>What every write may meet besides its own answer, and the headers it reads.</summary>
    public static RouteGroupBuilder Writes(this RouteGroupBuilder writes)
    {
        writes.ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [] }];
                operation.Parameters ??= [];
                operation.Parameters.Add(Header(Body.IdempotencyKey,
                    "Makes a retried write append once: the same request again is answered as the first time, with Idempotent-Replayed: true. " +
                    "The key is the sender's own (the X-Api-Key's); sent with another request it is refused (422). As --command-id."));
                if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse answered)
                    answered.Headers = new Dictionary<string, IOpenApiHeader>
                    {
                        [Body.Replayed] = new OpenApiHeader
                        {
                            Description = "true when this answer was given before, to the same request with the same Idempotency-Key: "
                                          + "nothing was appended now.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    };
                operation.Parameters.Add(Header("X-User", "Who the audit trail records as writing: as --user (default api)."));
                return Task.CompletedTask;
            });
        return writes;
    }

    /// <summary>
    /// The body a write reads by hand: the fields of event <paramref name="body"/>, less those the API
    /// fills in when they are left out. Not <c>Accepts</c>, whose content-type check would refuse (415)
    /// the bodies sent without one that the API takes.
    /// </summary>
    public static RouteHandlerBuilder WithBody(this RouteHandlerBuilder write, Type body, IEnumerable<string> filled, IEnumerable<string> path) =>
        write.AddOpenApiOperationTransformer(async (operation, context, cancellation) =>
        {
            // A write reads its route's values by hand as well, so the generator sees none of them.
            operation.Parameters ??= [];
            foreach (var (name, at) in path.Select((name, at) => (name, at)))
                operation.Parameters.Insert(at, new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });

            var schema = await context.GetOrCreateSchemaAsync(body, null, cancellation);
            foreach (var field in filled) schema.Required?.Remove(field);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    /// <summary>
    /// The ledger's own converters write marks, dates, disciplines and championships as text, and a field's own converter its
    /// text (a country code, in any case), which the generator cannot see.
    /// </summary>
    private static Task TextAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var type = context.JsonTypeInfo.Type;
        var value = Nullable.GetUnderlyingType(type) ?? type;
        var converter = context.JsonPropertyInfo?.CustomConverter ?? context.JsonTypeInfo.Options.GetConverter(value);
        if (converter.GetType().Assembly == typeof(EventFormat).Assembly)
            schema.Type = value == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        return Task.CompletedTask;
    }

    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        document.Info.Title = "Ledger";
        document.Info.Description = "An event-sourced career ledger for athletes: reads of careers, records and toplists, and writes that append facts.";
        // The server's address is the request's, with a trailing slash that the path would double.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = WriteAccess.Header,
            Description = "The key the server was started with (LEDGER_API_KEY).",
        };

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>()) tag.Description = Tags.GetValueOrDefault(tag.Name ?? "");
        return Task.CompletedTask;
    }
}
