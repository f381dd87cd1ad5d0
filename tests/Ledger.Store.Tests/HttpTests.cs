using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Ledger.Store.Tests;

public sealed class HttpTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync()
    {
        await Db.ResetToAsync(Lines.RecordHolder);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Marathon(string mark, string date = "2026-04-12", string competition = "Rotterdam Marathon") =>
        new JsonObject { ["date"] = date, ["competition"] = competition, ["discipline"] = "marathon", ["mark"] = mark }.ToJsonString();

    private Task<(int Status, JsonObject Body)> Post(string url, string body, string? key = ApiHost.Key, string? idempotencyKey = null) =>
        api.PostAsync(url, body, key, idempotencyKey is null ? [] : [("Idempotency-Key", idempotencyKey)]);

    private async Task<JsonObject> Get(string url)
    {
        var result = await api.Host.Scenario(s => s.Get.Url(url));
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    private async Task<int> AuditCount() => (await Db.Audit.AuditAsync(Athlete)).Events.Count;

    [Fact]
    public async Task A_write_without_the_api_key_is_401_and_appends_nothing()
    {
        var (status, _) = await Post($"/athletes/{Athlete}/results", Marathon("2:07:59"), key: null);

        status.ShouldBe(401);
        (await AuditCount()).ShouldBe(3);
    }

    [Fact]
    public async Task A_result_posted_with_the_key_shows_in_the_personal_bests()
    {
        var (status, answer) = await Post($"/athletes/{Athlete}/results", Marathon("2:07:59"));

        status.ShouldBe(200);
        answer["personal_best"]!.GetValue<bool>().ShouldBeTrue();
        answer["national_record"]!.GetValue<bool>().ShouldBeTrue();
        var pbs = await Get($"/athletes/{Athlete}/pbs");
        pbs["bests"]![0]!["mark"]!.GetValue<string>().ShouldBe("2:07:59");
        (await Get($"/athletes/{Athlete}/pbs?asOf=2026-04-11"))["bests"]![0]!["mark"]!.GetValue<string>().ShouldBe("2:12:42");
    }

    [Theory]
    [InlineData("2010", "2:12:42")]
    [InlineData("2010-08", null)]
    public async Task A_partial_as_of_date_counts_to_its_last_day(string asOf, string? mark)
    {
        // Berlin, 2010-09-26: within 2010, after August 2010.
        var pbs = await Get($"/athletes/{Athlete}/pbs?asOf={asOf}");
        var records = await Get($"/records/MGL?asOf={asOf}");

        string[] marks = mark is null ? [] : [mark];
        pbs["bests"]!.AsArray().Select(b => b!["mark"]!.GetValue<string>()).ShouldBe(marks);
        records["records"]!.AsArray().Select(r => r!["mark"]!.GetValue<string>()).ShouldBe(marks);
    }

    [Theory]
    [InlineData("/athletes/bat-ochir-ser-od/pbs?asOf=", "asOf")]
    [InlineData("/records/MGL?knownAt=", "knownAt")]
    [InlineData("/records/MGL?sex=", "sex")]
    public async Task An_empty_query_value_is_refused_by_name_not_read_as_left_out(string url, string parameter)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(400);
        });

        JsonNode.Parse(await result.ReadAsTextAsync())!["errors"]![parameter].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/athletes?page=abc", "page")]
    [InlineData("/toplists/marathon?sex=men&indoor=maybe", "indoor")]
    public async Task A_query_value_not_of_its_type_is_400_problem_details_naming_it(string url, string parameter)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(400);
        });

        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        JsonNode.Parse(await result.ReadAsTextAsync())!["detail"]!.GetValue<string>().ShouldContain(parameter);
    }

    [Fact]
    public async Task An_address_no_route_takes_is_404_problem_details_and_the_error_page_for_a_browser()
    {
        var json = await api.Host.Scenario(s =>
        {
            s.Get.Url("/athletes//pbs");
            s.StatusCodeShouldBe(404);
        });
        var page = await api.Host.Scenario(s =>
        {
            s.Get.Url($"/athletes/{Athlete}/nothing-here");
            s.WithRequestHeader("Accept", "text/html");
            s.StatusCodeShouldBe(404);
        });

        json.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await page.ReadAsTextAsync()).ShouldContain("<title>Not found · Ledger</title>");
    }

    [Fact]
    public async Task A_refused_request_is_answered_without_logging_an_error()
    {
        var before = api.Errors.Categories.Count;
        await api.Host.Scenario(s =>
        {
            s.Get.Url("/athletes/nobody/pbs");
            s.StatusCodeShouldBe(404);
        });
        (await Post($"/athletes/{Athlete}/results", Marathon("2:61:00"))).Status.ShouldBe(400);
        await api.Host.Scenario(s =>
        {
            s.Get.Url("/athletes?page=abc");
            s.StatusCodeShouldBe(400);
        });

        api.Errors.Categories.Skip(before).ShouldNotContain("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware");
    }

    [Fact]
    public async Task A_bad_body_is_400_naming_each_field_and_appends_nothing()
    {
        var (status, problem) = await Post($"/athletes/{Athlete}/results",
            """{"date":"2026-02-30","competition":"X","discipline":"marathon","mark":"2:61:00","plac":3}""");

        status.ShouldBe(400);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["date", "mark", "plac"], ignoreOrder: true);
        (await AuditCount()).ShouldBe(3);
    }

    [Fact]
    public async Task An_x_user_beyond_the_text_limit_is_400_naming_the_user()
    {
        var (status, problem) = await api.PostAsync($"/athletes/{Athlete}/results", Marathon("2:09:00"), ApiHost.Key, ("X-User", new string('j', 201)));

        status.ShouldBe(400);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["user"]);
        (await AuditCount()).ShouldBe(3);
    }

    [Fact]
    public async Task A_result_with_three_bad_fields_is_400_naming_all_three()
    {
        var (status, problem) = await Post($"/athletes/{Athlete}/results",
            """{"date":"2026-02-30","competition":"X","discipline":"marathon","mark":"2:61:00","place":-3}""");

        status.ShouldBe(400);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["date", "mark", "place"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_discipline_outside_the_catalogue_is_refused_naming_the_closest_unless_it_is_the_federations_own()
    {
        var misspelt = await Post($"/athletes/{Athlete}/results", """{"date":"2024-05-01","competition":"X","discipline":"marathn","mark":"2:30:00"}""");
        var list = await api.Host.Scenario(s =>
        {
            s.Get.Url("/toplists/marthon?sex=men");
            s.StatusCodeShouldBe(404);
        });
        var own = await Post($"/athletes/{Athlete}/results",
            """{"date":"2024-05-01","competition":"X","discipline":"mountain-run","mark":"1:30:00","new_discipline":true}""");

        misspelt.Status.ShouldBe(400);
        misspelt.Body["errors"]!["discipline"]![0]!.GetValue<string>().ShouldContain("the closest are marathon");
        (await list.ReadAsTextAsync()).ShouldContain("the closest are marathon");
        own.Status.ShouldBe(200, own.Body.ToJsonString());
        (await Get("/toplists/mountain-run?sex=men"))["entries"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("/athletes/nobody/results", "athlete")]
    [InlineData("/athletes/bat-ochir-ser-od/results/no-such-result/annulment", "result_id")]
    public async Task A_refused_command_is_400_with_the_field_named(string url, string field)
    {
        var body = url.EndsWith("annulment") ? """{"reason":"x"}""" : Marathon("2:30:00");

        var (status, problem) = await Post(url, body);

        status.ShouldBe(400);
        problem["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_appends_once_and_answers_the_same()
    {
        var first = await Post($"/athletes/{Athlete}/results", Marathon("2:09:00"), idempotencyKey: "k-1");
        var appended = await AuditCount();
        var again = await Post($"/athletes/{Athlete}/results", Marathon("2:09:00"), idempotencyKey: "k-1");

        again.Status.ShouldBe(200);
        again.Body.ToJsonString().ShouldBe(first.Body.ToJsonString());
        (await AuditCount()).ShouldBe(appended);
    }

    [Fact]
    public async Task Forty_five_concurrent_results_for_one_athlete_all_land_in_a_contiguous_stream()
    {
        var posts = Enumerable.Range(1, 45).Select(i => Post($"/athletes/{Athlete}/results", Marathon($"2:2{i % 10}:{10 + i}", competition: $"Race {i}")));

        var answers = await Task.WhenAll(posts);

        answers.ShouldAllBe(a => a.Status == 200);
        var versions = (await Db.Audit.AuditAsync(Athlete)).Events.Select(e => e.Version).ToList();
        versions.ShouldBe(Enumerable.Range(1, 48).Select(v => (long)v).ToList());
    }

    [Fact]
    public async Task Annulling_over_http_tells_the_whole_story_in_the_record_history()
    {
        var (_, added) = await Post($"/athletes/{Athlete}/results", Marathon("2:07:59"));
        await Post($"/athletes/{Athlete}/results/{added["result_id"]}/annulment", """{"reason":"doping"}""");

        var history = await Get("/records/MGL/marathon/history");
        history["progression"]!.AsArray().Select(p => (p!["mark"]!.GetValue<string>(), p["status"]!.GetValue<string>()))
            .ShouldBe([("2:12:42", "standing"), ("2:07:59", "rescinded")]);
    }

    [Fact]
    public async Task The_api_describes_itself_and_reports_its_health()
    {
        var openApi = await api.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        (await openApi.ReadAsTextAsync()).ShouldContain("/athletes/{athlete}/results");
        foreach (var health in new[] { "/health", "/health/live", "/health/ready" })
            (await Get(health))["status"]!.GetValue<string>().ShouldBe("healthy", health);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused()
    {
        var huge = Marathon("2:30:00").Replace("Rotterdam Marathon", new string('x', (int)LedgerApi.MaxBodyBytes));

        var (status, _) = await Post($"/athletes/{Athlete}/results", huge);

        status.ShouldBe(413);
        (await AuditCount()).ShouldBe(3);
    }

    [Fact]
    public async Task A_write_with_a_wrong_api_key_is_401_and_appends_nothing()
    {
        var (status, _) = await Post($"/athletes/{Athlete}/results", Marathon("2:07:59"), key: "not-the-key");

        status.ShouldBe(401);
        (await AuditCount()).ShouldBe(3);
    }

    [Fact]
    public async Task A_write_records_the_user_named_in_X_User_and_api_without_one()
    {
        (await api.PostAsync($"/athletes/{Athlete}/honours", """{"honour":"flag_bearer","occasion":"2012 Olympic Games","date":"2012-07-27"}""",
            headers: ("X-User", "federation-desk"))).Status.ShouldBe(200);
        (await Post($"/athletes/{Athlete}/clubs", """{"club":"Morpeth Harriers","date":"2009-04"}""")).Status.ShouldBe(200);

        var users = (await Db.Audit.AuditAsync(Athlete)).Events.Skip(3).Select(e => (e.Type, e.User));
        users.ShouldBe([("honour_awarded", "federation-desk"), ("club_joined", "api")]);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5080", null, 200)]
    [InlineData(null, "http://[::1]:5080", null, 200)]
    [InlineData(null, "http://localhost:5080", null, 200)]
    [InlineData(null, "http://0.0.0.0:8080", null, 403)]
    [InlineData(null, "http://*:8080", null, 403)]
    [InlineData(null, "http://127.0.0.1:5080;http://0.0.0.0:8080", null, 403)]
    [InlineData("k", "http://0.0.0.0:8080", "k", 200)]
    [InlineData("k", "http://0.0.0.0:8080", "not-k", 401)]
    [InlineData("k", "http://127.0.0.1:5080", null, 401)]
    public async Task Who_may_write_follows_the_key_and_where_the_server_listens(string? apiKey, string urls, string? sent, int status)
    {
        var http = new DefaultHttpContext { RequestServices = api.Host.Services }; // the keys made by ledger keys add: none here
        if (sent is not null) http.Request.Headers["X-Api-Key"] = sent;

        var answered = 200;
        try
        {
            await WriteAccess.For(apiKey, urls.Split(';'))
                .Check(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>(TypedResults.Ok()));
        }
        catch (Forbidden refused)
        {
            answered = Problems.StatusOf(refused);
        }

        answered.ShouldBe(status);
    }
}
