using Ledger.Store.Commanding;
using Ledger.Store.Records;

namespace Ledger.Store.Results;

[Write("correct-result", "/athletes/{athlete}/results/{resultId}/corrections",
    "Appends a correction of a result; a record it no longer earns is rescinded", Arguments = ["result_id"])]
public sealed record CorrectResult(string Athlete, ResultCorrected Correction, string User, CommandId? CommandId = null) : ILedgerCommand<ResultAnswer>;

public static class CorrectResultHandler
{
    /// <summary>
    /// The national record the corrected result is weighed against, leaving the result itself out;
    /// none for a result the ledger does not hold, which the decision refuses.
    /// </summary>
    public static async Task<RecordContext> LoadAsync(CorrectResult command, Career career, IDocumentSession session, CancellationToken cancellation)
    {
        var resultId = command.Correction.ResultId;
        if (career.FindResult(resultId) is not { } known) return RecordContext.None;
        var after = Career.CorrectedBy(known.Result, command.Correction);
        return await StandingRecords.ContextAsync(session, career, after.Discipline, after.Indoor == true, resultId, cancellation);
    }

    public static (ResultAnswer, IReadOnlyList<object>) Handle(CorrectResult command, [Registered] Career career, RecordContext records)
    {
        var decision = Decisions.CorrectResult(career, command.Correction, (_, _) => records);
        return (ResultAnswer.For(decision, command.Correction.ResultId), decision.Events);
    }
}
