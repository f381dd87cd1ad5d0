using Ledger.Domain;
using Marten;

namespace Ledger.Store.Commands;

public sealed record AnnulResult(string Athlete, ResultAnnulled Annulment, string User, string? CommandId = null) : ILedgerCommand;

public static class AnnulResultHandler
{
    public static async Task<ResultAnswer> Handle(AnnulResult command, IDocumentSession session, CancellationToken cancellation)
    {
        if (await Commanding.RecallAsync<ResultAnswer>(session, command, cancellation) is { } earlier) return earlier;

        var stream = await Commanding.CareerAsync(session, command, cancellation);
        var career = stream.Aggregate!;
        if (career.FindResult(command.Annulment.ResultId)?.Result is { } annulled)
            await Commanding.LockRecordAsync(session, NationalRecordProgression.KeyOf(career.Athlete!.Country, career.Athlete.Sex, annulled.Discipline, annulled.Indoor == true), cancellation);
        stream.AppendMany(Decisions.AnnulResult(career, command.Annulment));
        return Commanding.Remember(session, command, new ResultAnswer(command.Annulment.ResultId, false, false));
    }
}
