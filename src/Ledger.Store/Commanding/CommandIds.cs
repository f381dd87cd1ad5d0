using System.Text.Json;
using Ledger.Store.Hosting;
using Npgsql;
using Wolverine;

namespace Ledger.Store.Commanding;

/// <summary>The answer given to a command id, stored with the events it appended, in the same transaction.</summary>
public sealed class ProcessedCommand
{
    public string Id { get; set; } = "";
    public string Answer { get; set; } = "";
}

/// <summary>
/// Wolverine middleware around the handler of every command answered with <typeparamref name="TAnswer"/>
/// (applied in <see cref="LedgerBus"/>): who sends it, one transaction, and safe retries by command id.
/// </summary>
public static class CommandIds<TAnswer> where TAnswer : class
{
    /// <summary>
    /// Readies the session: the sender in the events' metadata, and one transaction from the first read
    /// to the commit, holding the athlete's lock and any record's (<see cref="AdvisoryLocks"/>). A
    /// command id answered before gets that answer again, and nothing more happens.
    /// </summary>
    public static async Task<(HandlerContinuation, OutgoingMessages)> BeforeAsync(ILedgerCommand<TAnswer> command, IDocumentSession session,
        CancellationToken cancellation)
    {
        session.LastModifiedBy = command.User;
        await session.BeginTransactionAsync(cancellation);
        await session.ExecuteAsync(new NpgsqlCommand(AdvisoryLocks.Athlete) { Parameters = { new() { Value = command.Athlete } } }, cancellation);
        var answer = new OutgoingMessages();
        if (command.CommandId is null || await session.LoadAsync<ProcessedCommand>(command.CommandId, cancellation) is not { } earlier)
            return (HandlerContinuation.Continue, answer);

        // A cascaded message of the type the caller waits for is Wolverine's answer to InvokeAsync.
        answer.Add(JsonSerializer.Deserialize<TAnswer>(earlier.Answer, EventFormat.Options)!);
        return (HandlerContinuation.Stop, answer);
    }

    /// <summary>
    /// Keeps the answer under the command id. An insert, not an upsert: of two attempts with one id
    /// racing, the second fails, is retried, and then recalls the first's answer.
    /// </summary>
    public static void After(ILedgerCommand<TAnswer> command, TAnswer answer, IDocumentSession session)
    {
        if (command.CommandId is not null)
            session.Insert(new ProcessedCommand { Id = command.CommandId, Answer = JsonSerializer.Serialize(answer, EventFormat.Options) });
    }
}
