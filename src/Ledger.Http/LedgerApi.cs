using System.Net;
using System.Text.Json.Nodes;
using Ledger.Domain;
using Ledger.Http.Web;
using Ledger.Store;
using Ledger.Store.Commands;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Ledger.Http;

/// <summary>
/// The ledger over HTTP: every read verb as a GET answering the same JSON as <c>--json</c>, every
/// writing verb as a POST sending the same command through the bus; and the web pages (<see cref="WebPages"/>).
/// </summary>
public static class LedgerApi
{
    /// <summary>Request bodies are single facts; anything larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static void AddLedgerApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            EventFormat.Configure(json.SerializerOptions);
            json.SerializerOptions.DefaultIgnoreCondition = ViewJson.Options.DefaultIgnoreCondition;
            // Bodies are read by the event format, which takes no number from a string; so says the description.
            json.SerializerOptions.NumberHandling = EventFormat.Options.NumberHandling;
        });
        builder.Services.AddApiDescription();
        builder.Services.AddSingleton<Queries>();
        builder.Services.AddWebPages();
        builder.Services.AddFreshness();
    }

    public static void MapLedgerApi(this WebApplication app, WriteAccess access)
    {
        app.UseExceptionHandler(errors => errors.Run(Problems.WriteAsync));
        app.UseFreshness();
        app.MapOpenApi("/openapi/{documentName}.json");

        app.MapGet("/health", async (IDocumentStore store, CancellationToken cancellation) =>
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellation);
            return Results.Ok(new { status = "healthy" });
        }).WithTags("health").WithName("GetHealth").WithSummary("Answers 200 when the database answers").Anonymous();

        MapReads(app.MapGroup("").WithTags("read").CachedByEvents().Anonymous());
        MapWrites(app.MapGroup("").WithTags("write").AddEndpointFilter(access.Check).Writes());
        app.MapWebPages();
    }

    private static void MapReads(RouteGroupBuilder api)
    {
        api.MapGet("/athletes", (string? country, string? sex, string? q, int? page, int? pageSize, Queries queries, CancellationToken c) =>
            queries.AthletesAsync(AthleteFilter.Of(country, Moments.SexOf(sex), q, page, pageSize, "page", "pageSize"), c))
            .WithName("ListAthletes").WithSummary("One page of athletes, filtered by country and sex and searched by name (q)").ProducesProblem(400);

        var athletes = api.MapGroup("/athletes/{athlete}").ProducesProblem(404);
        athletes.MapGet("/pbs", (string athlete, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.PersonalBestsAsync(athlete, Moments.AsOf(asOf), Moments.KnownAt(knownAt), c))
            .WithName("GetPersonalBests").WithSummary("The athlete's personal bests, as of a date and as the ledger knew them at an instant").ProducesProblem(400);
        athletes.MapGet("/championships", (string athlete, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.ChampionshipsAsync(athlete, Moments.AsOf(asOf), Moments.KnownAt(knownAt), c))
            .WithName("GetChampionships").WithSummary("The athlete's championships: editions, starts, finishes and medals").ProducesProblem(400);
        athletes.MapGet("/timeline", (string athlete, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.TimelineAsync(athlete, Moments.AsOf(asOf), Moments.KnownAt(knownAt), c))
            .WithName("GetTimeline").WithSummary("The athlete's career in date order").ProducesProblem(400);
        athletes.MapGet("/audit", (string athlete, Queries q, CancellationToken c) => q.AuditAsync(athlete, c))
            .WithName("GetAudit").WithSummary("Every event of the athlete's stream, with who appended it and when");

        api.MapGet("/records/{country}", (string country, string? sex, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.RecordsAsync(country, Moments.SexOf(sex), Moments.AsOf(asOf), Moments.KnownAt(knownAt), c))
            .WithName("GetRecords").WithSummary("The country's standing national records").ProducesProblem(400);
        api.MapGet("/records/{country}/{discipline}/history", (string country, string discipline, string? sex, string? knownAt, Queries q, CancellationToken c) =>
            q.RecordHistoryAsync(country, Discipline.Parse(discipline), Moments.SexOf(sex) ?? Sex.Men, Moments.KnownAt(knownAt), c))
            .WithName("GetRecordHistory").WithSummary("How a national record progressed, rescinded marks included").ProducesProblem(400);
        api.MapGet("/toplists/{discipline}", (string discipline, string? sex, int? year, string? country, string? asOf, string? knownAt, int? limit, bool? allMarks, Queries q, CancellationToken c) =>
            q.ToplistAsync(ToplistFilter.Of(discipline, Moments.SexOf(sex), year, country, Moments.AsOf(asOf), Moments.KnownAt(knownAt), limit, allMarks ?? false), c))
            .WithName("GetToplist").WithSummary("The best marks of a discipline and sex (one per athlete unless allMarks), of a year or all time, of a country or the world").ProducesProblem(400);
    }

    private static void MapWrites(RouteGroupBuilder api)
    {
        api.MapPost("/athletes/{athlete}", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.InvokeAsync<AthleteAnswer>(new RegisterAthlete(athlete, await Body.ReadAsync<AthleteRegistered>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("RegisterAthlete").WithBody<AthleteRegistered>().WithSummary("Registers an athlete (body: athlete_registered fields)");

        api.MapPost("/athletes/{athlete}/results", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.InvokeAsync<ResultAnswer>(new RecordResult(athlete, await Body.ReadAsync<ResultRecorded>(request, athlete, CompleteResult), Body.User(request), Body.CommandId(request))))
            .WithName("RecordResult").WithBody<ResultRecorded>("result_id", "status").WithSummary("Records a result (body: result_recorded fields; result_id and status may be left out)");

        api.MapPost("/athletes/{athlete}/results/{resultId}/corrections", async (string athlete, string resultId, HttpRequest request, IMessageBus bus) =>
            await bus.InvokeAsync<ResultAnswer>(new CorrectResult(athlete, await Body.ReadAsync<ResultCorrected>(request, athlete, json => json["result_id"] = resultId), Body.User(request), Body.CommandId(request))))
            .WithName("CorrectResult").WithBody<ResultCorrected>("result_id").WithSummary("Corrects a result (body: reason and the fields that change)");

        api.MapPost("/athletes/{athlete}/results/{resultId}/annulment", async (string athlete, string resultId, HttpRequest request, IMessageBus bus) =>
            await bus.InvokeAsync<ResultAnswer>(new AnnulResult(athlete, await Body.ReadAsync<ResultAnnulled>(request, athlete, json => json["result_id"] = resultId), Body.User(request), Body.CommandId(request))))
            .WithName("AnnulResult").WithBody<ResultAnnulled>("result_id").WithSummary("Annuls a result (body: reason)");

        api.MapPost("/athletes/{athlete}/clubs", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.InvokeAsync<AthleteAnswer>(new JoinClub(athlete, await Body.ReadAsync<ClubJoined>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("JoinClub").WithBody<ClubJoined>().WithSummary("The athlete joins a club (body: club, date, city)");

        api.MapPost("/athletes/{athlete}/club-departures", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.InvokeAsync<AthleteAnswer>(new LeaveClub(athlete, await Body.ReadAsync<ClubLeft>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("LeaveClub").WithBody<ClubLeft>().WithSummary("The athlete leaves a club (body: club, date)");

        api.MapPost("/athletes/{athlete}/honours", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.InvokeAsync<AthleteAnswer>(new AwardHonour(athlete, await Body.ReadAsync<HonourAwarded>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("AwardHonour").WithBody<HonourAwarded>().WithSummary("Awards an honour (body: honour, occasion, date)");
    }

    /// <summary>As on the command line: finished unless said otherwise, and named from the race when unnamed.</summary>
    private static void CompleteResult(JsonObject json)
    {
        json["status"] ??= "finished";
        if (json["result_id"] is not null) return;
        // When no id can be made, the date, competition or discipline is wrong, and that is what the
        // refusal should name, not a missing id.
        json["result_id"] = json["date"]?.GetValue<string>() is { } date && PartialDate.TryParse(date, out var d, out _)
                            && json["competition"]?.GetValue<string>() is { Length: > 0 } competition
                            && json["discipline"]?.GetValue<string>() is { } discipline && Discipline.TryParse(discipline, out var x, out _)
            ? RecordResult.IdFor(d, competition, x)
            : "unnamed";
    }
}

/// <summary>Who may write: with <c>LEDGER_API_KEY</c> set, requests carrying it in X-Api-Key.</summary>
/// <param name="ApiKey">The key writes must carry; none means writes are open, on loopback only.</param>
/// <param name="Loopback">Whether the server listens on loopback addresses only.</param>
public sealed record WriteAccess(string? ApiKey, bool Loopback)
{
    public bool WritesOpen => ApiKey is not null || Loopback;

    public static WriteAccess For(string? apiKey, IEnumerable<string> urls) => new(
        string.IsNullOrWhiteSpace(apiKey) ? null : apiKey,
        urls.All(url => Uri.TryCreate(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0"), UriKind.Absolute, out var uri)
                        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))));

    public async ValueTask<object?> Check(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (ApiKey is null)
            return Loopback
                ? await next(context)
                : Results.Problem("Writes are disabled: this server listens beyond loopback and LEDGER_API_KEY is not set.", statusCode: 403);
        return context.HttpContext.Request.Headers["X-Api-Key"] == ApiKey
            ? await next(context)
            : Results.Problem("Writes need the API key in the X-Api-Key header.", statusCode: 401);
    }
}
