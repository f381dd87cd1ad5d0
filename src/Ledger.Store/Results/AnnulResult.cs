using Ledger.Store.Commanding;
using Ledger.Store.Records;

namespace Ledger.Store.Results;

[Write("annul-result", "/athletes/{athlete}/results/{resultId}/annulment", "Appends an annulment of a result; a record it held is rescinded",
    Arguments = ["result_id"])]
public sealed record AnnulResult(string Athlete, ResultAnnulled Annulment, string User, CommandId? CommandId = null) : ILedgerCommand<ResultAnswer>;

public static class AnnulResultHandler
{
    /// <summary>Holds the records the result claimed, so their rescinds never race a command deciding on them.</summary>
    public static Task BeforeAsync(AnnulResult command, Career career, IDocumentSession session, CancellationToken cancellation) =>
        StandingRecords.LockAsync(session,
            career.Records.Where(r => r.ResultId == command.Annulment.ResultId).Select(r => RecordList.Of(r)!.Key), cancellation);

    public static (ResultAnswer, IReadOnlyList<object>) Handle(AnnulResult command, [Registered] Career career) =>
        (new ResultAnswer(command.Annulment.ResultId, false, false, []), Decisions.AnnulResult(career, command.Annulment).Events);
}
