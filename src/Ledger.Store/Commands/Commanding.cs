using System.Text.Json;
using Ledger.Domain;
using Marten;
using Npgsql;

namespace Ledger.Store.Commands;

/// <summary>What every command carries besides its facts: whose stream, who sends it, and its id for safe retries.</summary>
public interface ILedgerCommand
{
    string Athlete { get; }
    string User { get; }
    string? CommandId { get; }
}

public sealed record AthleteAnswer(string Athlete);

public sealed record ResultAnswer(string ResultId, bool PersonalBest, bool NationalRecord);

/// <summary>The answer given to a command id, stored with the events it appended, in the same transaction.</summary>
public sealed class ProcessedCommand
{
    public string Id { get; set; } = "";
    public string Answer { get; set; } = "";
}

public static class Commanding
{
    /// <summary>
    /// The answer an earlier command with this id was given, if there was one; otherwise null, and
    /// the session is readied for this command's appends (who, in the events' metadata).
    /// </summary>
    public static async Task<T?> RecallAsync<T>(IDocumentSession session, ILedgerCommand command, CancellationToken cancellation) where T : class
    {
        session.LastModifiedBy = command.User;
        // One connection for the whole command, from the first read to the commit.
        await session.BeginTransactionAsync(cancellation);
        if (command.CommandId is null) return null;
        var earlier = await session.LoadAsync<ProcessedCommand>(command.CommandId, cancellation);
        return earlier is null ? null : JsonSerializer.Deserialize<T>(earlier.Answer, EventFormat.Options);
    }

    /// <summary>
    /// Keeps the answer under the command id. An insert, not an upsert: of two attempts with one id
    /// racing, the second fails, is retried, and then recalls the first's answer.
    /// </summary>
    public static T Remember<T>(IDocumentSession session, ILedgerCommand command, T answer)
    {
        if (command.CommandId is not null)
            session.Insert(new ProcessedCommand { Id = command.CommandId, Answer = JsonSerializer.Serialize(answer, EventFormat.Options) });
        return answer;
    }

    /// <summary>What a result's command answers once its events are appended: is it a best, did it set a record.</summary>
    public static ResultAnswer AnswerFor(Career career, IReadOnlyList<object> events, string resultId)
    {
        var after = career.Copy();
        foreach (var e in events) after.Fold(e);
        return new ResultAnswer(resultId, Decisions.IsPersonalBest(after, resultId), events.OfType<NationalRecordSet>().Any());
    }

    /// <summary>The athlete's career as it stands, for a command that needs the athlete registered.</summary>
    public static async Task<JasperFx.Events.IEventStream<Career>> CareerAsync(IDocumentSession session, ILedgerCommand command, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Career>(command.Athlete, cancellation);
        if (stream.Aggregate?.Athlete is null) throw new CommandRefused([new FieldProblem("athlete", $"no athlete '{command.Athlete}' in the ledger")]);
        return stream;
    }

    /// <summary>
    /// The standing record of the athlete's country, sex and <paramref name="discipline"/> (outdoors or
    /// indoors), or where none stands, the best record-eligible mark of any athlete of that country and
    /// sex; leaving out one result (the one a correction is about) when named.
    /// </summary>
    public static async Task<RecordContext> RecordsAsync(IDocumentSession session, Career career, Discipline discipline, bool indoor, string? leavingOut, CancellationToken cancellation)
    {
        var (country, sex) = (career.Athlete!.Country, career.Athlete.Sex);
        var key = NationalRecordProgression.KeyOf(country, sex, discipline, indoor);
        await LockRecordAsync(session, key, cancellation);
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
    /// An import, which may touch any record, holds them all (<see cref="RecordLocks"/>).
    /// </summary>
    public static async Task LockRecordAsync(IDocumentSession session, string key, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        await session.ExecuteAsync(new NpgsqlCommand(RecordLocks.One) { Parameters = { new() { Value = key } } }, cancellation);
    }
}
