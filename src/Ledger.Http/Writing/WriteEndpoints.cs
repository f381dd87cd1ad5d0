using Ledger.Http.Hosting;
using Ledger.Domain;
using Ledger.Store.Athletes;
using Ledger.Store.Careers;
using Ledger.Store.Commanding;
using Ledger.Store.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Ledger.Http.Writing;

public static class WriteEndpoints
{
    public static void MapWrites(this RouteGroupBuilder api)
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
