using Ledger.Store.Commanding;
using Wolverine;

namespace Ledger.Http.Writing;

/// <summary>Every declared write (<see cref="Write"/>) as a POST to its route, whose body is the fields of its event.</summary>
public static class WriteEndpoints
{
    public static RouteGroupBuilder MapWrites(this RouteGroupBuilder api)
    {
        foreach (var write in Write.All)
            api.MapPost(write.Route, (HttpContext http, IMessageBus bus) => SendAsync(write, http, bus))
                .WithName(write.Command.Name).WithSummary(write.Summary).WithBody(write.Event, write.Filled, write.RouteParameters)
                .Produces(StatusCodes.Status200OK, write.Answer);
        return api;
    }

    private static async Task<object> SendAsync(Write write, HttpContext http, IMessageBus bus)
    {
        var fields = await Body.ReadAsync(http.Request);
        foreach (var (parameter, value) in http.Request.RouteValues.Where(v => v.Key != "athlete"))
            fields[Write.FieldOf(parameter)] = value?.ToString();
        var command = write.Make((string)http.Request.RouteValues["athlete"]!, fields, Body.User(http.Request), Body.CommandId(http.Request));
        var answer = await write.SendAsync(bus, command, http.RequestAborted);
        if (answer is CommandAnswer { Replayed: true }) http.Response.Headers[Body.Replayed] = "true";
        return answer;
    }
}
