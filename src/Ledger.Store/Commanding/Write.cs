using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json;
using JasperFx.Core.Reflection;
using Wolverine;

namespace Ledger.Store.Commanding;

/// <summary>
/// A command as the command line and the HTTP API offer it, from its <see cref="WriteAttribute"/>. A command
/// is a record <c>(Athlete, the event, User, CommandId)</c>: its input is the event's fields, read by
/// <see cref="CommandInput"/>, so a verb's flags and a request's body are refused alike.
/// </summary>
public abstract record Write(Type Command, Type Event, string Verb, string Route, string Summary, IReadOnlyList<string> Arguments)
{
    /// <summary>Every command of the ledger that declares a <see cref="WriteAttribute"/>.</summary>
    public static IReadOnlyList<Write> All { get; } = LedgerBus.Commands
        .Select(command => (Command: command, Declared: command.GetCustomAttribute<WriteAttribute>()))
        .Where(c => c.Declared is not null)
        .Select(c => (Write)Activator.CreateInstance(typeof(Write<>).MakeGenericType(AnswerOf(c.Command)), c.Command, c.Declared)!)
        .ToList();

    /// <summary>What the command answers.</summary>
    public abstract Type Answer { get; }

    /// <summary>The parameters of the route, in order: <c>athlete</c>, <c>resultId</c>.</summary>
    public IReadOnlyList<string> RouteParameters { get; } =
        Route.Split('/').Where(segment => segment.StartsWith('{')).Select(segment => segment.Trim('{', '}')).ToList();

    /// <summary>The fields the route names, besides the athlete: <c>{resultId}</c> is <c>result_id</c>.</summary>
    public IEnumerable<string> RouteFields => RouteParameters.Where(p => p != "athlete").Select(FieldOf);

    /// <summary>The event's fields a request may leave out: the route gives them, or the reader fills them in.</summary>
    public IEnumerable<string> Filled => RouteFields.Concat(CommandInput.Filled(Event));

    /// <summary>The field a route parameter gives: <c>resultId</c> is <c>result_id</c>.</summary>
    public static string FieldOf(string parameter) => JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter);

    /// <summary>
    /// The command of these fields, sent by <paramref name="user"/>, with the client's id bound to this request;
    /// the fields refused, every wrong one named, when they are not an event.
    /// </summary>
    public ILedgerCommand Make(string athlete, JsonObject fields, string user, CommandId? id)
    {
        if (FieldRules.ProblemWith("user", user) is { } problem) throw new Refused("user", problem);
        var request = id?.For(Command, athlete, fields);
        return (ILedgerCommand)Activator.CreateInstance(Command, athlete, CommandInput.Read(Event, athlete, fields), user, request)!;
    }

    /// <summary>Sends the command through the bus and waits for its answer.</summary>
    public abstract Task<object> SendAsync(IMessageBus bus, ILedgerCommand command, CancellationToken cancellation);

    private static Type AnswerOf(Type command) => command.FindInterfaceThatCloses(typeof(ILedgerCommand<>))!.GetGenericArguments()[0];
}

/// <summary>A <see cref="Write"/> of a command answered with <typeparamref name="TAnswer"/>.</summary>
public sealed record Write<TAnswer>(Type Command, WriteAttribute Declared)
    : Write(Command, Command.GetConstructors().Single().GetParameters()[1].ParameterType, Declared.Verb, Declared.Route, Declared.Summary, Declared.Arguments)
    where TAnswer : CommandAnswer
{
    public override Type Answer => typeof(TAnswer);

    public override async Task<object> SendAsync(IMessageBus bus, ILedgerCommand command, CancellationToken cancellation) =>
        await bus.CommandAsync((ILedgerCommand<TAnswer>)command, cancellation);
}
