using Ledger.Domain;
using Marten;

namespace Ledger.Store.Commands;

public sealed record CorrectResult(string Athlete, ResultCorrected Correction, string User, string? CommandId = null) : ILedgerCommand;

public static class CorrectResultHandler
{
    public static async Task<ResultAnswer> Handle(CorrectResult command, IDocumentSession session, CancellationToken cancellation)
    {
        if (await Commanding.RecallAsync<ResultAnswer>(session, command, cancellation) is { } earlier) return earlier;

        var stream = await Commanding.CareerAsync(session, command, cancellation);
        var career = stream.Aggregate!;
        var resultId = command.Correction.ResultId;
        var after = career.FindResult(resultId) is { } known ? Career.CorrectedBy(known.Result, command.Correction) : null;
        var records = after is not null ? await Commanding.RecordsAsync(session, career, after.Discipline, after.Indoor == true, resultId, cancellation) : RecordContext.None;
        var events = Decisions.CorrectResult(career, command.Correction, (_, _) => records);
        stream.AppendMany(events);
        return Commanding.Remember(session, command, Commanding.AnswerFor(career, events, resultId));
    }
}
