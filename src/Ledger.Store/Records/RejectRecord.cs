using Ledger.Store.Commanding;

namespace Ledger.Store.Records;

[Write("reject-record", "/athletes/{athlete}/results/{resultId}/rejections",
    "Declines the pending record a result claimed in a scope: the record before it stands again", Arguments = ["result_id"])]
public sealed record RejectRecord(string Athlete, RecordNotRatified Rejection, string User, CommandId? CommandId = null) : ILedgerCommand<RecordAnswer>;

public static class RejectRecordHandler
{
    /// <summary>Holds the record declined, so the record that stands again is the one a command deciding on it sees.</summary>
    public static Task BeforeAsync(RejectRecord command, Career career, IDocumentSession session, CancellationToken cancellation) =>
        StandingRecords.LockAsync(session, RecordProgression.KeysOf(command.Rejection.CompletedFrom(career)), cancellation);

    public static (RecordAnswer, IReadOnlyList<object>) Handle(RejectRecord command, [Registered] Career career)
    {
        var rejection = command.Rejection.CompletedFrom(career);
        return (new RecordAnswer(rejection.ResultId, rejection.Scope, "not_ratified"), Decisions.Append(career, rejection).Events);
    }
}
