using Ledger.Store.Commanding;
using Ledger.Store.Records;
using Wolverine;

namespace Ledger.Store.Results;

[Write("correct-result", "/athletes/{athlete}/results/{resultId}/corrections",
    "Appends a correction of a result; a record it no longer earns is rescinded, and the corrected result weighed again", Arguments = ["result_id"])]
public sealed record CorrectResult(string Athlete, ResultCorrected Correction, string User, CommandId? CommandId = null) : ILedgerCommand<ResultAnswer>;

public static class CorrectResultHandler
{
    /// <summary>
    /// The records the corrected result is weighed against, leaving the result itself out, and the ones it holds, all held
    /// until the command commits (alone when it is made again); none for a result the ledger does not hold, which the decision refuses.
    /// </summary>
    public static async Task<Func<RecordList, RecordContext>> LoadAsync(CorrectResult command, Career career, IDocumentSession session,
        Envelope envelope, CancellationToken cancellation)
    {
        var resultId = command.Correction.ResultId;
        if (career.FindResult(resultId) is not { } known) return RecordContext.Empty;
        var held = career.Records.Where(r => r.ResultId == resultId).Select(r => RecordList.Of(r)!.Key).ToList();
        return await StandingRecords.ContextsAsync(session, career, Career.CorrectedBy(known.Result, command.Correction), held,
            alone: envelope.Attempts > 1, cancellation);
    }

    public static Task<(ResultAnswer, IReadOnlyList<object>)> HandleAsync(CorrectResult command, [Registered] Career career,
        Func<RecordList, RecordContext> records, IDocumentSession session, CancellationToken cancellation) =>
        ResultAnswer.CompleteAsync(session, Decisions.CorrectResult(career, command.Correction, records), command.Correction.ResultId, cancellation);
}
