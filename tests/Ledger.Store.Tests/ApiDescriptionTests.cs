using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>The served OpenAPI description says what a generated client relies on.</summary>
public sealed class ApiDescriptionTests(ApiHost api) : IClassFixture<ApiHost>
{
    private static readonly string[] Problems = ["#/components/schemas/ProblemDetails", "#/components/schemas/HttpValidationProblemDetails"];

    private async Task<JsonObject> DescriptionAsync()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject description) =>
        from path in description["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Key, operation.Value!.AsObject());

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_and_its_refusals_as_problem_details()
    {
        var operations = Operations(await DescriptionAsync()).ToList();

        var ids = operations.Select(o => (string?)o.Operation["operationId"]).ToList();
        ids.ShouldAllBe(id => !string.IsNullOrEmpty(id));
        ids.ShouldBeUnique();
        ids.ShouldContain("GetPersonalBests");
        operations.ShouldAllBe(o => !string.IsNullOrEmpty((string?)o.Operation["summary"]));
        // /health fails only with the database, never for what the client sent.
        foreach (var (path, method, operation) in operations.Where(o => o.Path != "/health"))
        {
            var refusals = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')).ToList();
            refusals.ShouldNotBeEmpty($"{method} {path}");
            refusals.ShouldAllBe(r => Problems.Contains((string?)r.Value!["content"]!["application/problem+json"]!["schema"]!["$ref"]), $"{method} {path}");
            // The database away is no refusal, but a client must expect it.
            operation["responses"]!["503"].ShouldNotBeNull($"{method} {path}");
        }
    }

    [Fact]
    public async Task Every_write_needs_the_api_key_and_says_its_body_and_its_refusals()
    {
        var description = await DescriptionAsync();
        var scheme = description["components"]!["securitySchemes"]!["ApiKey"]!;
        ((string?)scheme["type"], (string?)scheme["in"], (string?)scheme["name"]).ShouldBe(("apiKey", "header", "X-Api-Key"));

        var writes = Operations(description).Where(o => o.Method == "post").ToList();
        writes.Select(o => (string?)o.Operation["operationId"]).ShouldContain("RecordResult");
        foreach (var (path, _, write) in writes)
        {
            write["security"]!.AsArray().Single()!.AsObject().Single().Key.ShouldBe("ApiKey", path);
            var content = write["requestBody"]!["content"]!.AsObject();
            if (path == "/results/imports")
                content.Select(c => c.Key).ShouldBe(["text/csv", "text/tab-separated-values", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
            else
            {
                var fields = content["application/json"]!["schema"]!["properties"]!.AsObject();
                fields.ShouldNotBeEmpty(path);
                fields.ShouldAllBe(field => field.Value!["type"] != null || field.Value["enum"] != null, path);
            }
            new[] { "200", "400", "401", "403", "413", "422", "429" }.ShouldBeSubsetOf(write["responses"]!.AsObject().Select(r => r.Key), path);
            write["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key).ShouldContain("Idempotent-Replayed", path);
            new[] { "Idempotency-Key", "X-User" }.ShouldBeSubsetOf(write["parameters"]!.AsArray().Select(p => (string)p!["name"]!), path);
        }
        Operations(description).Where(o => o.Method == "get").ShouldAllBe(o => o.Operation["security"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task Every_operation_says_each_parameter_of_its_path()
    {
        foreach (var (path, method, operation) in Operations(await DescriptionAsync()))
        {
            var declared = (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!);
            var inPath = path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'));
            declared.ShouldBe(inPath, ignoreOrder: true, $"{method} {path}");
        }
    }

    [Fact]
    public async Task Every_read_says_it_answers_its_list_as_csv_too_and_the_format_parameter_that_asks_for_it()
    {
        var reads = Operations(await DescriptionAsync()).Where(o => o.Operation["tags"]?.AsArray().Any(t => (string?)t == "read") == true).ToList();
        reads.Count.ShouldBe(8);
        foreach (var (path, _, read) in reads)
        {
            read["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ShouldBe(["application/json", "text/csv"], ignoreOrder: true, path);
            read["parameters"]!.AsArray().ShouldContain(p => (string?)p!["name"] == "format" && (string?)p["in"] == "query", path);
        }
    }
}
