using System.Text.Json;
using Ledger.Store.Hosting;
using Npgsql;
using Wolverine;

namespace Ledger.Store.Commanding;

/// <summary>The answer given to a command id, stored with the events it appended, in the same transaction.</summary>
public sealed class ProcessedCommand
{
    /// <summary>The sender's id (<see cref="CommandId.Stored"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The digest of the request answered (<see cref="CommandId.Request"/>).</summary>
    public string Request { get; set; } = "";

    public string Answer { get; set; } = "";
}

/// <summary>
/// Wolverine middleware around the handler of every command answered with <typeparamref name="TAnswer"/>
/// (applied in <see cref="LedgerBus"/>): who sends it, one transaction, and safe retries by command id.
/// </summary>
public static class CommandIds<TAnswer> where TAnswer : CommandAnswer
{
    /// <summary>
    /// Readies the session: the sender in the events' metadata, and one transaction from the first read
    /// to the commit, holding the athlete's lock and any record's (<see cref="AdvisoryLocks"/>). A
    /// command id its sender had answered before gets that answer again, and nothing more happens; unless
    /// it came then with another request, which is refused: that request was never carried out.
    /// </summary>
    public static async Task<(HandlerContinuation, OutgoingMessages)> BeforeAsync(ILedgerCommand<TAnswer> command, IDocumentSession session,
        CancellationToken cancellation)
    {
        session.LastModifiedBy = command.User;
        await session.BeginTransactionAsync(cancellation);
        await session.ExecuteAsync(new NpgsqlCommand(AdvisoryLocks.Athlete) { Parameters = { new() { Value = command.Athlete } } }, cancellation);
        var answer = new OutgoingMessages();
        if (command.CommandId is not { } id || await session.LoadAsync<ProcessedCommand>(id.Stored, cancellation) is not { } earlier)
            return (HandlerContinuation.Continue, answer);
        if (earlier.Request != id.Request)
            throw new IdReused(id.Field, $"'{id.Key}' was sent by {id.Sender} before with another request, which it answered; " +
                                         "nothing was written. A new request needs a new id");

        // A cascaded message of the type the caller waits for is Wolverine's answer to InvokeAsync.
        answer.Add(JsonSerializer.Deserialize<TAnswer>(earlier.Answer, EventFormat.Options)!.Replay());
        return (HandlerContinuation.Stop, answer);
    }

    /// <summary>
    /// Keeps the answer under the command id. An insert, not an upsert: of two attempts with one id
    /// racing, the second fails, is retried, and then recalls the first's answer.
    /// </summary>
    public static void After(ILedgerCommand<TAnswer> command, TAnswer answer, IDocumentSession session)
    {
        if (command.CommandId is { } id)
            session.Insert(new ProcessedCommand { Id = id.Stored, Request = id.Request, Answer = JsonSerializer.Serialize(answer, EventFormat.Options) });
    }
}
