using System.Text.Json;
using Ledger.Domain;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Ledger.Store.Commands;

/// <summary>What every command carries besides its facts: whose stream, who sends it, and its id for safe retries.</summary>
public interface ILedgerCommand
{
    string Athlete { get; }
    string User { get; }
    string? CommandId { get; }
}

/// <summary>A command answered with <typeparamref name="TAnswer"/> (<see cref="LedgerBus.CommandAsync{TAnswer}"/>).</summary>
public interface ILedgerCommand<TAnswer> : ILedgerCommand;

public sealed record AthleteAnswer(string Athlete);

public sealed record ResultAnswer(string ResultId, bool PersonalBest, bool NationalRecord)
{
    /// <summary>What a result's command answers: is the result a best once its events are in, did it set a record.</summary>
    public static ResultAnswer For(Decision decision, string resultId) =>
        new(resultId, decision.IsPersonalBest(resultId), decision.SetsNationalRecord);
}

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
    public static async Task<(HandlerContinuation, OutgoingMessages)> BeforeAsync(ILedgerCommand<TAnswer> command, IDocumentSession session, CancellationToken cancellation)
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

/// <summary>
/// The athlete's career, fetched for writing by the command's athlete (Wolverine's aggregate handler
/// workflow); a command for an athlete the ledger does not hold goes no further.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RegisteredAttribute : WriteAggregateAttribute
{
    public RegisteredAttribute() : base(nameof(ILedgerCommand.Athlete))
    {
        OnMissing = OnMissing.ThrowException;
        MissingMessage = "no athlete '{0}' in the ledger";
    }
}

/// <summary>What a command deciding a national record weighs, and the lock it holds while it decides.</summary>
public static class StandingRecords
{
    /// <summary>
    /// The standing record of the athlete's country, sex and <paramref name="discipline"/> (outdoors or
    /// indoors), or where none stands, the best record-eligible mark of any athlete of that country and
    /// sex; leaving out one result (the one a correction is about) when named.
    /// </summary>
    public static async Task<RecordContext> ContextAsync(IDocumentSession session, Career career, Discipline discipline, bool indoor, string? leavingOut, CancellationToken cancellation)
    {
        var (country, sex) = (career.Athlete!.Country, career.Athlete.Sex);
        var key = NationalRecordProgression.KeyOf(country, sex, discipline, indoor);
        await LockAsync(session, key, cancellation);
        var progression = await session.LoadAsync<NationalRecordProgression>(key, cancellation);
        var standing = progression?.Standing(leavingOut: e => leavingOut is not null && e.Athlete == career.Id && e.ResultId == leavingOut);

        if (standing is not null) return new RecordContext(standing, null);

        var compatriots = await session.Query<AthleteSummary>().Where(a => a.Country == country && a.Sex == sex && a.Id != career.Id).ToListAsync(cancellation);
        var known = compatriots
            .Select(a => a.BestEligible(discipline, indoor))
            .Append(career.BestEligible(discipline, indoor, leavingOut))
            .Aggregate((Mark?)null, discipline.Best);

        return new RecordContext(standing, known);
    }

    /// <summary>
    /// Holds the record of one country, sex and discipline until this command commits. Writers of
    /// different athletes never conflict on a stream, so without it two could decide on the same
    /// standing record, and the later commit would overwrite the record document the earlier updated.
    /// An import, which may touch any record, holds them all (<see cref="AdvisoryLocks"/>). Held in the
    /// command's one transaction, which <see cref="CommandIds{TAnswer}"/> began.
    /// </summary>
    public static Task LockAsync(IDocumentSession session, string key, CancellationToken cancellation) =>
        session.ExecuteAsync(new NpgsqlCommand(AdvisoryLocks.Record) { Parameters = { new() { Value = key } } }, cancellation);
}
