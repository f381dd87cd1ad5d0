using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Ledger.Http.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Store.Tests;

/// <summary>
/// No request answers 5xx (issue #26). Every operation of the served OpenAPI description, and every page, is sent
/// generated values for each of its parameters and body fields: good ones, numbers at the bounds, huge text (under
/// and over the body limit), other scripts, control characters and broken UTF-8, the wrong JSON type, or the value
/// left out; with the key and without. A refusal answers problem details, or the error page on a page.
/// The requests are one value generated from one seed (LEDGER_FUZZ_SEED, else a fixed one): a failure names the
/// seed, and that seed sends the very same requests again.
/// </summary>
public sealed class NoServerErrorsTests(ApiHost api, ITestOutputHelper output) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const int Requests = 2400;
    private const string Kenyan = "kip-runner";

    public async ValueTask InitializeAsync() =>
        await api.Database.ResetToAsync([.. Lines.RecordHolder, Lines.Registered(Kenyan, "KEN", "women"),
            Lines.Result("kip-2024", "2024-04-21", "2:20:00", athlete: Kenyan), Lines.Result("kip-10000", "2024-06-01", "31:10.50", "10000m", Kenyan)]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task No_request_to_any_operation_or_page_answers_a_server_error_and_every_refusal_says_why()
    {
        var seed = Environment.GetEnvironmentVariable("LEDGER_FUZZ_SEED") is { Length: > 0 } given ? given : new PCG(26, 2026).ToString();
        var operations = Described(await DescriptionAsync()).Concat(Pages()).ToList();
        var answered = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        // One sample of the whole sequence, on one thread: the writes change what later reads see, so only the
        // seed of the sequence reproduces it. Every wrong answer is told, the first few in full.
        await Gen.OneOf(operations.Select(RequestTo).ToArray()).Array[Requests].SampleAsync(async requests =>
        {
            var wrong = new List<string>();
            foreach (var request in requests)
            {
                var (status, verdict) = await SendAsync(request);
                answered[status] = answered.GetValueOrDefault(status) + 1;
                if (verdict is not null) wrong.Add($"{request} answered {status}: {verdict}");
            }

            if (wrong.Count > 0)
                throw new Exception($"LEDGER_FUZZ_SEED={seed}: {wrong.Count} of {requests.Length} requests answered wrong:\n" +
                                    string.Join("\n", wrong.Take(12)));
        }, seed: seed, iter: 1, threads: 1, print: requests => $"{requests.Length} requests");

        var summary = $"{Requests} requests to {operations.Count} operations and pages in {clock.Elapsed.TotalSeconds:0.0} s, " +
                      $"LEDGER_FUZZ_SEED={seed}; answered {string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}; " +
                      $"{answered.Where(a => a.Key >= 500).Sum(a => a.Value)} of 500 or more";
        output.WriteLine(summary);
        // CI prints it (.ci/run): a passing test's output is not shown, and the run's figures should be.
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "no-server-errors.txt"), summary + "\n");
    }

    /// <summary>A request as generated: the path and query already in the wire's escaped form.</summary>
    private sealed record Request(string Method, string Path, string Query, IReadOnlyList<(string Name, string Value)> Headers, string? Body, bool Page)
    {
        public override string ToString() =>
            $"{Method} {Shown(Path + Query)}{(Page ? " (as a page)" : "")} headers [{string.Join(", ", Headers.Select(h => $"{h.Name}: {Shown(h.Value)}"))}]" +
            (Body is null ? "" : $" body {Shown(Body)}");

        private static string Shown(string text) => text.Length <= 600 ? text : $"{text[..600]}... ({text.Length:#,0} characters)";
    }

    /// <summary>The status, and what is wrong with the answer (null when nothing is).</summary>
    private async Task<(int Status, string? Verdict)> SendAsync(Request request)
    {
        var http = await api.Host.Server.SendAsync(context =>
        {
            context.Request.Method = request.Method;
            context.Request.Path = PathString.FromUriComponent(request.Path);
            context.Request.QueryString = new QueryString(request.Query);
            foreach (var (name, value) in request.Headers) context.Request.Headers.Append(name, value);
            if (request.Page) context.Request.Headers.Accept = "text/html";
            if (request.Body is { } body)
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Request.Body = new MemoryStream(bytes);
                context.Request.ContentLength = bytes.Length;
                context.Request.ContentType = "application/json";
            }
        });
        var status = http.Response.StatusCode;
        var type = http.Response.ContentType ?? "";
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        var shown = text.Length > 600 ? text[..600] + "..." : text;
        string? verdict = status >= 500 ? $"a server error: {type} {shown}"
            : status < 400 || IsProblem(type, text, status) || type.StartsWith("text/html") && text.StartsWith("<!doctype html>") ? null
            : $"a refusal that is neither problem details nor the error page: '{type}' {shown}";
        return (status, verdict);
    }

    private static bool IsProblem(string type, string text, int status)
    {
        if (!type.StartsWith("application/problem+json")) return false;
        try
        {
            return JsonNode.Parse(text)?["status"]?.GetValue<int>() == status;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task<JsonObject> DescriptionAsync() =>
        JsonNode.Parse(await (await api.Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!.AsObject();

    /// <summary>A parameter or body field: where it goes (path, query, header, body), its JSON type and, for an enum, its values.</summary>
    private sealed record Parameter(string Name, string In, string Type, IReadOnlyList<string> Choices, bool Required);

    private sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, bool Page);

    private static IEnumerable<Operation> Described(JsonObject description) =>
        from path in description["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        let parameters = (operation.Value!["parameters"]?.AsArray() ?? [])
            .Select(p => Of((string)p!["name"]!, (string)p["in"]!, Resolved(p["schema"], description), p["required"]?.GetValue<bool>() == true))
        let body = Resolved(operation.Value["requestBody"]?["content"]?["application/json"]?["schema"], description)
        let required = (body?["required"]?.AsArray() ?? []).Select(r => (string?)r).ToHashSet()
        let fields = body?["properties"]?.AsObject() ?? []
        select new Operation(operation.Key.ToUpperInvariant(), path.Key,
            parameters.Concat(fields.Select(field => Of(field.Key, "body", Resolved(field.Value, description), required.Contains(field.Key)))).ToList(),
            Page: false);

    private static JsonNode? Resolved(JsonNode? schema, JsonObject description) =>
        schema?["$ref"] is { } reference ? description["components"]!["schemas"]![((string)reference!).Split('/')[^1]] : schema;

    private static Parameter Of(string name, string at, JsonNode? schema, bool required)
    {
        var choices = (schema?["enum"]?.AsArray() ?? []).OfType<JsonValue>().Select(v => v.ToString()).ToList();
        var types = schema?["type"] switch
        {
            JsonArray several => several.Select(t => (string)t!),
            JsonValue one => [(string)one!],
            _ => ["string"],
        };
        return new Parameter(name, at, types.FirstOrDefault(t => t != "null") ?? "string", choices, required);
    }

    /// <summary>The pages, which the description leaves out: their parameters are their handlers', in the route or the query.</summary>
    private IEnumerable<Operation> Pages() =>
        from endpoint in api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        where endpoint.Metadata.GetMetadata<WebPage>() is not null
        let route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet()
        select new Operation("GET", endpoint.RoutePattern.RawText!, endpoint.Metadata.GetMetadata<MethodInfo>()!.GetParameters()
            .Select(p => (p.Name!, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type == typeof(string) || p.Type == typeof(int) || p.Type == typeof(bool))
            .Select(p => new Parameter(p.Item1, route.Contains(p.Item1) ? "path" : "query",
                p.Type == typeof(int) ? "integer" : p.Type == typeof(bool) ? "boolean" : "string", [], route.Contains(p.Item1)))
            .ToList(), Page: true);

    private static Gen<Request> RequestTo(Operation operation)
    {
        // All good one time in three, so that writes append and reads find what they appended; else each value of any kind.
        var values = Gen.Frequency((1, Values(operation, GoodValue)), (2, Values(operation, Value)));
        var hasBody = operation.Parameters.Any(p => p.In == "body");
        return Gen.Select(values, Key, Gen.Frequency((14, Gen.Const((string?)null)), (1, Gen.OneOf<string?>(NoObjects))), (all, key, broken) =>
        {
            var given = operation.Parameters.Zip(all, (parameter, value) => (parameter, value)).Where(p => p.value is not null).ToList();
            string ValueIn(string at, string name) => given.FirstOrDefault(g => g.parameter.In == at && g.parameter.Name == name).value ?? "";
            var path = operation.Parameters.Where(p => p.In == "path")
                .Aggregate(operation.Path, (url, p) => url.Replace($"{{{p.Name}}}", ValueIn("path", p.Name)));
            var query = string.Join("&", given.Where(g => g.parameter.In == "query").Select(g => $"{g.parameter.Name}={g.value}"));
            var headers = given.Where(g => g.parameter.In == "header").Select(g => (g.parameter.Name, g.value!))
                .Concat(key is null ? [] : [("X-Api-Key", key)]).ToList();
            var body = !hasBody ? null
                : broken ?? "{" + string.Join(",", given.Where(g => g.parameter.In == "body").Select(g => $"{Json(g.parameter.Name)}:{g.value}")) + "}";
            return new Request(operation.Method, path, query.Length == 0 ? "" : "?" + query, headers, body, operation.Page);
        });
    }

    private static Gen<ImmutableList<string?>> Values(Operation operation, Func<Parameter, Gen<string?>> value) =>
        operation.Parameters.Aggregate(Gen.Const(ImmutableList<string?>.Empty),
            (sofar, parameter) => Gen.Select(sofar, value(parameter), (all, v) => all.Add(v)));

    private static readonly Gen<string?> LeftOut = Gen.Const((string?)null);

    /// <summary>The key: the all-countries one, none, or one that is no key.</summary>
    private static readonly Gen<string?> Key = Gen.Frequency<string?>(
        (5, Gen.Const<string?>(ApiHost.Key)), (3, LeftOut), (1, Gen.OneOf<string?>("not-a-key", "", ApiHost.Key + " ", new string('k', 5000))));

    /// <summary>
    /// An idempotency key not used before (as a client makes one per write): what a key sent again with another
    /// command answers is being changed apart from this test.
    /// </summary>
    private static readonly Gen<string> FreshKey = Gen.Guid.Select(id => $"retry-{id:N}");

    /// <summary>Bodies that are no JSON object.</summary>
    private static readonly string[] NoObjects = ["", "{", "[]", "null", "\"text\"", "1", "{\"date\":", "{\"a\":1}}", "\u00ff\u00fe"];

    /// <summary>A good value, an optional one left out now and then.</summary>
    private static Gen<string?> GoodValue(Parameter parameter)
    {
        var good = InPlace(parameter, Gen.OneOf(Good(parameter))).Select(v => (string?)v);
        return parameter.Required ? good : Gen.Frequency((3, good), (1, LeftOut));
    }

    /// <summary>A value of any kind, or left out.</summary>
    private static Gen<string?> Value(Parameter parameter)
    {
        var broken = parameter.In switch
        {
            "body" => Gen.OneOf(WrongJson),
            "header" => Gen.String[Gen.Char[' ', '~'], 0, 40],
            // Kestrel refuses a NUL in the path before the API sees it; broken escapes reach the API as they are.
            "path" => Gen.OneOf(Undecodable.Where(u => u != "%00").ToArray()),
            _ => Gen.OneOf(Undecodable),
        };
        return Gen.Frequency((8, InPlace(parameter, Text(parameter)).Select(v => (string?)v)), (1, broken.Select(v => (string?)v)), (1, LeftOut));
    }

    /// <summary>Text as its place carries it: escaped in a URL, JSON in a body.</summary>
    private static Gen<string> InPlace(Parameter parameter, Gen<string> text) => parameter.In switch
    {
        "body" => text.Select(t => Literal(t, parameter.Type) ?? Json(t)),
        // Kestrel takes headers of visible ASCII, up to 32 KB in all.
        "header" => parameter.Name == "Idempotency-Key" ? FreshKey : text.Where(t => t.Length <= 8_000 && t.All(c => c is >= ' ' and <= '~')),
        "path" => text.Where(t => !t.Contains('\0')).Select(Escaped),
        _ => text.Select(Escaped),
    };

    /// <summary>The value as text: mostly a good one, so that requests reach deep; otherwise one of every kind of bad.</summary>
    private static Gen<string> Text(Parameter parameter) => Gen.Frequency(
        (14, Gen.OneOf(Good(parameter))),
        (2, Gen.OneOf(Numbers)),
        (3, Gen.OneOf(Odd)),
        (1, Gen.String[Gen.Char, 0, 30]),
        (1, Huge));

    private static readonly Dictionary<string, string[]> Goods = new()
    {
        ["athlete"] = [Lines.Athlete, Kenyan, "new-runner"], ["slug"] = [Lines.Athlete, Kenyan],
        ["resultid"] = ["berlin-2010", "kip-2024", "kip-10000"], ["country"] = ["MGL", "KEN"], ["scope"] = ["MGL", "KEN"],
        ["discipline"] = ["marathon", "10000m"], ["sex"] = ["men", "women"], ["asof"] = ["2010", "2010-09-26", "2026-12-31"],
        ["knownat"] = ["2026-01-31T12:00:00Z"], ["page"] = ["1", "2"], ["pagesize"] = ["10"], ["limit"] = ["5"], ["year"] = ["2010", "2024"],
        ["q"] = ["runner", "bat"], ["sort"] = ["mark"], ["date"] = ["2024-04-21", "2010-09-26", "2025"], ["competition"] = ["Berlin Marathon"],
        ["mark"] = ["2:08:50", "2:25:00", "31:00.00"], ["place"] = ["1", "12"], ["overallplace"] = ["30"], ["venue"] = ["Berlin"],
        ["championship"] = ["olympic_games"], ["reason"] = ["timing error"], ["club"] = ["Khangarid"], ["city"] = ["Ulaanbaatar"],
        ["honour"] = ["flag_bearer"], ["occasion"] = ["2012 Olympic Games"], ["name"] = ["New Runner"], ["born"] = ["1990-01-01"],
        ["birthplace"] = ["Ulaanbaatar"], ["nativename"] = ["Сэр-Од"], ["nickname"] = ["Bat"], ["wind"] = ["+1.2", "-0.4"],
        ["status"] = ["finished", "dnf"], ["x-user"] = ["jane"],
    };

    private static string[] Good(Parameter parameter) =>
        parameter.Choices.Count > 0 ? [.. parameter.Choices]
        : Goods.GetValueOrDefault(parameter.Name.Replace("_", "").ToLowerInvariant())
          ?? (parameter.Type switch { "integer" => ["1"], "boolean" => ["true", "false"], _ => ["text"] });

    /// <summary>Numbers at and past the bounds of every integer type, and not quite numbers.</summary>
    private static readonly string[] Numbers =
    [
        "0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "99999999999999999999", "1.5", "1e9", "-0", "+1", " 1", "0x10", "NaN", "Infinity",
    ];

    /// <summary>Text of every kind: empty, combining marks, emoji, right-to-left, control characters, dates at their ends.</summary>
    private static readonly string[] Odd =
    [
        "", " ", "\t\n", "e\u0301\u0301\u0301", "😀🏃‍♀️", "\u202Eرقم قياسي", "\0", "a\0b", "\uFEFF", "ß", "İ", "ǅ", "\u00A0MGL",
        "null", "'; drop table x; --", "%", "../..", "a/b", "{athlete}", "*", "_", "MGL\n",
        "0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "2024-13", "0000", "-2024",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
    ];

    /// <summary>Huge text: under the 64 KB body limit (as bytes) and over it, of one- to four-byte characters.</summary>
    private static readonly Gen<string> Huge =
        Gen.Select(Gen.OneOf("a", "é", "😀", "\u202E"), Gen.Frequency((1, Gen.Int[1_000, 20_000]), (1, Gen.Int[100_000, 400_000])),
            (piece, bytes) => string.Concat(Enumerable.Repeat(piece, bytes / Encoding.UTF8.GetByteCount(piece))));

    /// <summary>JSON of another type than a field's, and strings holding lone surrogates as escapes.</summary>
    private static readonly string[] WrongJson =
        ["null", "[]", "{}", "true", "0", "-1", "2147483648", "1e400", "\"\"", "\"\\ud800\"", "\"x\\udc00\"", "[1,2]", "{\"a\":1}", "\"\\u0000\""];

    /// <summary>Percent escapes that are no UTF-8, or no escape at all.</summary>
    private static readonly string[] Undecodable = ["%ED%A0%80", "%FF", "%C0%80", "%", "%zz", "%E2%82", "%00"];

    /// <summary>The text as a JSON literal of the field's type where it is one (12 for an integer, true for a boolean), else null.</summary>
    private static string? Literal(string text, string type) =>
        type is "integer" or "number" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && text.Trim() == text && text[0] != '+'
        || type == "boolean" && text is "true" or "false" ? text : null;

    /// <summary>A JSON string, escaping every surrogate so that a lone one arrives as the escape a client would send.</summary>
    private static string Json(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
            json.Append(c is '"' or '\\' || c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c);
        return json.Append('"').ToString();
    }

    /// <summary>Escaped for a URL as a client escapes it: UTF-8, every byte but the unreserved ones as %XX.</summary>
    private static string Escaped(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
            escaped.Append(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' ? (char)b : $"%{b:X2}");
        return escaped.ToString();
    }
}
