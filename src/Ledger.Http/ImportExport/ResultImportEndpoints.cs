using Ledger.Http.Keys;
using Ledger.Http.Writing;
using Ledger.Store.ImportExport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Ledger.Http.ImportExport;

/// <summary>
/// <c>POST /results/imports</c>: a results spreadsheet as the body, imported as <c>ledger import-results</c> imports
/// it (<see cref="ResultsImport"/>), under the key rules of every write: a key of KEN brings KEN's athletes only.
/// </summary>
public static class ResultImportEndpoints
{
    /// <summary>The most a sheet may be: a federation's season is some thousands of rows, well under a megabyte.</summary>
    public const long MaxSheetBytes = 8 * 1024 * 1024;

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/csv"] = ".csv",
        ["text/tab-separated-values"] = ".tsv",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
    };

    public static RouteGroupBuilder MapResultImports(this RouteGroupBuilder writes)
    {
        writes.MapPost("/results/imports", ImportAsync)
            .WithName("ImportResults")
            .WithSummary("Adds the results of a spreadsheet (CSV, TSV or .xlsx), each decided as add-result decides it; all or nothing")
            .Produces<ResultsOutcome>()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = $"The sheet, a header row naming the columns, at most {MaxSheetBytes / 1024 / 1024} MiB; " +
                                  "text in UTF-8 or as its charset says.",
                    Content = Extensions.Keys.ToDictionary(type => type,
                        _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
                };
                return Task.CompletedTask;
            });
        return writes;
    }

    /// <param name="dryRun">Decide every row and answer what would be appended, writing nothing.</param>
    private static async Task<ResultsOutcome> ImportAsync(HttpContext http, ResultsImport import, bool? dryRun)
    {
        var request = http.Request;
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        if (type is null || !Extensions.TryGetValue(type.MediaType.Value ?? "", out var extension))
            throw new Refused("Content-Type", $"'{request.ContentType}' is no sheet this reads: {string.Join(", ", Extensions.Keys)}");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxSheetBytes;
        if (request.ContentLength > MaxSheetBytes)
            throw new BadHttpRequestException($"the sheet is over {MaxSheetBytes} bytes", StatusCodes.Status413PayloadTooLarge);

        var folder = Directory.CreateTempSubdirectory("ledger-sheet-");
        try
        {
            var path = Path.Combine(folder.FullName, "sheet" + extension);
            await using (var file = File.Create(path)) await request.Body.CopyToAsync(file, http.RequestAborted);
            var rows = ResultSheets.Read([(path, "(body)")], type.Charset.HasValue ? type.Charset.Value : null);
            var actor = new Actor(Body.User(request), Guid.NewGuid().ToString("N"));
            return await import.ImportAsync(rows, actor, dryRun ?? false, mayWrite: WriteAccess.MayWrite(http), cancellation: http.RequestAborted);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
