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
        var discipline = command.Correction.Discipline ?? career.FindResult(resultId)?.Result.Discipline;
        var records = discipline is { } d ? await Commanding.RecordsAsync(session, career, d, resultId, cancellation) : RecordContext.None;
        var events = Decisions.CorrectResult(career, command.Correction, _ => records);
        stream.AppendMany(events);
        return Commanding.Remember(session, command, Commanding.AnswerFor(career, events, resultId));
    }
}
