using System.Net;
using System.Text.Json.Nodes;
using Ledger.Domain;
using Ledger.Http.Web;
using Ledger.Store;
using Ledger.Store.Commands;
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
        // A public read may come from a standby, which may lag; a client that holds a key reads what
        // it has just written, from the primary.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ReadsFromPrimary>(services =>
        {
            var http = services.GetRequiredService<IHttpContextAccessor>();
            return () => http.HttpContext?.Items.ContainsKey(WriteAccess.KeyHolder) == true;
        });
        builder.Services.AddWebPages();
        builder.Services.AddFreshness();
        builder.Services.AddHealth();
        builder.AddTelemetry();
        builder.AddWriteLimits();
    }

    public static void MapLedgerApi(this WebApplication app, WriteAccess access)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = Problems.WriteAsync,
            // The database away is said in one line (Problems), not a stack trace per request.
            SuppressDiagnosticsCallback = handled => DatabaseFaults.Unreachable(handled.Exception) || DatabaseFaults.DiskFull(handled.Exception),
        });
        app.Use(access.NoteKeyHolders);
        app.UseFreshness();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");

        app.MapHealth();
        app.MapTelemetry();

        // A read, like a write, may meet the database away or out of space.
        MapReads(app.MapGroup("").WithTags("read").CachedByEvents().Anonymous().ProducesProblem(StatusCodes.Status503ServiceUnavailable));
        MapWrites(app.MapGroup("").WithTags("write").AddEndpointFilter(access.Check).LimitedPerKey().Writes());
        app.MapWebPages();
    }

    private static void MapReads(RouteGroupBuilder api)
    {
        api.MapGet("/athletes", (string? country, string? sex, string? q, int? page, int? pageSize, Queries queries, CancellationToken c) =>
            queries.AthletesAsync(AthleteFilter.Of(country, Moments.SexOf(sex, "sex"), q, page, pageSize, "page", "pageSize"), c))
            .WithName("ListAthletes").WithSummary("One page of athletes, filtered by country and sex and searched by name (q)").ProducesProblem(400);

        var athletes = api.MapGroup("/athletes/{athlete}").ProducesProblem(404);
        athletes.MapGet("/pbs", (string athlete, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.PersonalBestsAsync(athlete, Moments.AsOf(asOf), Moments.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetPersonalBests").WithSummary("The athlete's personal bests, as of a date and as the ledger knew them at an instant").ProducesProblem(400);
        athletes.MapGet("/championships", (string athlete, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.ChampionshipsAsync(athlete, Moments.AsOf(asOf), Moments.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetChampionships").WithSummary("The athlete's championships: editions, starts, finishes and medals").ProducesProblem(400);
        athletes.MapGet("/timeline", (string athlete, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.TimelineAsync(athlete, Moments.AsOf(asOf), Moments.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetTimeline").WithSummary("The athlete's career in date order").ProducesProblem(400);
        athletes.MapGet("/audit", (string athlete, Queries q, CancellationToken c) => q.AuditAsync(athlete, c))
            .WithName("GetAudit").WithSummary("Every event of the athlete's stream, with who appended it and when");

        api.MapGet("/records/{country}", (string country, string? sex, string? asOf, string? knownAt, Queries q, CancellationToken c) =>
            q.RecordsAsync(country, Moments.SexOf(sex, "sex"), Moments.AsOf(asOf), Moments.KnownAt(knownAt, "knownAt"), c))
            .WithName("GetRecords").WithSummary("The country's standing national records").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/records/{country}/{discipline}/history", (string country, string discipline, string? sex, string? knownAt, bool? indoor, Queries q, CancellationToken c) =>
            q.RecordHistoryAsync(country, Discipline.Parse(discipline), Moments.SexOf(sex, "sex") ?? Sex.Men, Moments.KnownAt(knownAt, "knownAt"), indoor ?? false, c))
            .WithName("GetRecordHistory").WithSummary("How a national record (outdoor, or indoor with indoor=true) progressed, rescinded marks included").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/toplists/{discipline}", (string discipline, string? sex, int? year, string? country, string? asOf, string? knownAt, int? limit, bool? allMarks,
                bool? indoor, bool? windAssisted, Queries q, CancellationToken c) =>
            q.ToplistAsync(ToplistFilter.Of(discipline, Moments.SexOf(sex, "sex"), year, country, Moments.AsOf(asOf), Moments.KnownAt(knownAt, "knownAt"), limit, allMarks ?? false,
                indoor ?? false, windAssisted ?? false), c))
            .WithName("GetToplist").WithSummary("The best legal marks of a discipline and sex (one per athlete unless allMarks; indoors with indoor=true; wind-assisted marks too with windAssisted=true), of a year or all time, of a country or the world").ProducesProblem(400).ProducesProblem(404);
    }

    private static void MapWrites(RouteGroupBuilder api)
    {
        api.MapPost("/athletes/{athlete}", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.CommandAsync(new RegisterAthlete(athlete, await Body.ReadAsync<AthleteRegistered>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("RegisterAthlete").WithBody<AthleteRegistered>().WithSummary("Registers an athlete (body: athlete_registered fields)");

        api.MapPost("/athletes/{athlete}/results", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.CommandAsync(new RecordResult(athlete, await Body.ReadAsync<ResultRecorded>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("RecordResult").WithBody<ResultRecorded>("result_id", "status").WithSummary("Records a result (body: result_recorded fields; result_id and status may be left out)");

        api.MapPost("/athletes/{athlete}/results/{resultId}/corrections", async (string athlete, string resultId, HttpRequest request, IMessageBus bus) =>
            await bus.CommandAsync(new CorrectResult(athlete, await Body.ReadAsync<ResultCorrected>(request, athlete, json => json["result_id"] = resultId), Body.User(request), Body.CommandId(request))))
            .WithName("CorrectResult").WithBody<ResultCorrected>("result_id").WithSummary("Corrects a result (body: reason and the fields that change)");

        api.MapPost("/athletes/{athlete}/results/{resultId}/annulment", async (string athlete, string resultId, HttpRequest request, IMessageBus bus) =>
            await bus.CommandAsync(new AnnulResult(athlete, await Body.ReadAsync<ResultAnnulled>(request, athlete, json => json["result_id"] = resultId), Body.User(request), Body.CommandId(request))))
            .WithName("AnnulResult").WithBody<ResultAnnulled>("result_id").WithSummary("Annuls a result (body: reason)");

        api.MapPost("/athletes/{athlete}/clubs", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.CommandAsync(new JoinClub(athlete, await Body.ReadAsync<ClubJoined>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("JoinClub").WithBody<ClubJoined>().WithSummary("The athlete joins a club (body: club, date, city)");

        api.MapPost("/athletes/{athlete}/club-departures", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.CommandAsync(new LeaveClub(athlete, await Body.ReadAsync<ClubLeft>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("LeaveClub").WithBody<ClubLeft>().WithSummary("The athlete leaves a club (body: club, date)");

        api.MapPost("/athletes/{athlete}/honours", async (string athlete, HttpRequest request, IMessageBus bus) =>
            await bus.CommandAsync(new AwardHonour(athlete, await Body.ReadAsync<HonourAwarded>(request, athlete), Body.User(request), Body.CommandId(request))))
            .WithName("AwardHonour").WithBody<HonourAwarded>().WithSummary("Awards an honour (body: honour, occasion, date)");
    }
}

/// <summary>
/// Who may write: a request carrying a key, <c>LEDGER_API_KEY</c> (every country) or one made by
/// <c>ledger keys add</c> (its countries only: any other athlete is 403, naming the athlete's
/// country). With neither configured, writes are open on a loopback address and refused on any other.
/// </summary>
/// <param name="ApiKey">The all-countries key of the environment, if any.</param>
/// <param name="Loopback">Whether the server listens on loopback addresses only.</param>
public sealed record WriteAccess(string? ApiKey, bool Loopback)
{
    /// <summary>Where the filter leaves the name of the key a write came with, for the recorded user.</summary>
    public const string KeyName = "ledger.key";

    public const string Header = "X-Api-Key";

    /// <summary>Where a read whose key is one of the ledger's is noted: its holder reads the primary (<see cref="ReadsFromPrimary"/>).</summary>
    public const string KeyHolder = "ledger.key-holder";

    public static WriteAccess For(string? apiKey, IEnumerable<string> urls) => new(
        string.IsNullOrWhiteSpace(apiKey) ? null : apiKey,
        urls.All(url => Uri.TryCreate(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0"), UriKind.Absolute, out var uri)
                        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))));

    /// <summary>
    /// Notes a read that comes with a key of this ledger, so it reads the primary and sees what its
    /// holder has just written. Any other header is a public read: a made-up key moves no load onto the primary.
    /// </summary>
    public async Task NoteKeyHolders(HttpContext http, RequestDelegate next)
    {
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.Request.Headers[Header].FirstOrDefault() is { Length: > 0 } presented
            && (presented == ApiKey || await http.RequestServices.GetRequiredService<WriteKeys>().FindAsync(presented, http.RequestAborted) is not null))
            http.Items[KeyHolder] = true;
        await next(http);
    }

    public async ValueTask<object?> Check(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = http.RequestServices.GetRequiredService<WriteKeys>();
        if (http.Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } presented)
        {
            if (ApiKey is not null || await keys.AnyAsync(http.RequestAborted))
                return Results.Problem("Writes need a key in the X-Api-Key header.", statusCode: 401);
            return Loopback
                ? await next(context)
                : Results.Problem("Writes are disabled: this server listens beyond loopback and no key is set (LEDGER_API_KEY or ledger keys add).", statusCode: 403);
        }

        if (presented == ApiKey) return await next(context);
        if (await keys.FindAsync(presented, http.RequestAborted) is not { } key)
            return Results.Problem("The X-Api-Key is no key of this ledger (mistyped, or revoked).", statusCode: 401);

        http.Items[KeyName] = key.Name;
        if (await CountryAsync(http) is var (athlete, country) && !key.Allows(country))
            return Results.Problem($"Key '{key.Name}' writes athletes of {string.Join(", ", key.Countries!)} only; '{athlete}' is of {country}.", statusCode: 403);
        return await next(context);
    }

    /// <summary>
    /// The country of the athlete a write is for: a registration says it in its body (read, then
    /// rewound for the endpoint), every other write is for an athlete the ledger knows, or for
    /// none, which the command itself refuses.
    /// </summary>
    private static async Task<(string Athlete, string Country)?> CountryAsync(HttpContext http)
    {
        if (http.Request.RouteValues["athlete"] is not string athlete) return null;
        if (http.Request.Path.Value!.TrimEnd('/').EndsWith($"/athletes/{athlete}", StringComparison.Ordinal))
        {
            http.Request.EnableBuffering();
            try
            {
                var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                return body?["country"] is JsonValue country && country.TryGetValue<string>(out var code) ? (athlete, code) : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null; // the endpoint refuses the body, naming what is wrong with it
            }
            finally
            {
                http.Request.Body.Position = 0;
            }
        }

        try
        {
            return (athlete, (await http.RequestServices.GetRequiredService<Queries>().SummaryAsync(athlete, http.RequestAborted)).Country);
        }
        catch (AthleteNotFound)
        {
            return null;
        }
    }
}
