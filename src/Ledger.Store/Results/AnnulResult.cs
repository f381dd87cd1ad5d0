using Ledger.Store.Commanding;
using Ledger.Store.Records;

namespace Ledger.Store.Results;

[Write("annul-result", "/athletes/{athlete}/results/{resultId}/annulment", "Appends an annulment of a result; a record it held is rescinded",
    Arguments = ["result_id"])]
public sealed record AnnulResult(string Athlete, ResultAnnulled Annulment, string User, CommandId? CommandId = null) : ILedgerCommand<ResultAnswer>;

public static class AnnulResultHandler
{
    /// <summary>Holds the national record the result may hold, so its rescind never races a command deciding on that record.</summary>
    public static async Task BeforeAsync(AnnulResult command, Career career, IDocumentSession session, CancellationToken cancellation)
    {
        if (career.FindResult(command.Annulment.ResultId)?.Result is { } annulled)
            await StandingRecords.LockAsync(session,
                NationalRecordProgression.KeyOf(career.Athlete!.Country, career.Athlete.Sex, annulled.Discipline, annulled.Indoor == true), cancellation);
    }

    public static (ResultAnswer, IReadOnlyList<object>) Handle(AnnulResult command, [Registered] Career career) =>
        (new ResultAnswer(command.Annulment.ResultId, false, false), Decisions.AnnulResult(career, command.Annulment).Events);
}
