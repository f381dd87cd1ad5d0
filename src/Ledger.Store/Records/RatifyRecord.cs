using Ledger.Store.Commanding;

namespace Ledger.Store.Records;

[Write("ratify-record", "/athletes/{athlete}/results/{resultId}/ratifications",
    "Ratifies the pending record a result claimed in a scope: it stands as ratified from then on", Arguments = ["result_id"])]
public sealed record RatifyRecord(string Athlete, RecordRatified Ratification, string User, CommandId? CommandId = null) : ILedgerCommand<RecordAnswer>;

/// <summary>What a command about a record answers: the result that claimed it, whose record it is, and its status now.</summary>
public sealed record RecordAnswer(string ResultId, string Scope, string Status) : CommandAnswer
{
    public override string ToString() => $"the {Scope} record of result {ResultId} is {Status.Replace('_', ' ')}";
}

public static class RatifyRecordHandler
{
    /// <summary>Holds the record ratified, so its ratification never races a command deciding on that record.</summary>
    public static Task BeforeAsync(RatifyRecord command, Career career, IDocumentSession session, CancellationToken cancellation) =>
        StandingRecords.LockAsync(session, RecordProgression.KeysOf(command.Ratification.CompletedFrom(career)), cancellation);

    public static (RecordAnswer, IReadOnlyList<object>) Handle(RatifyRecord command, [Registered] Career career)
    {
        var ratification = command.Ratification.CompletedFrom(career);
        return (new RecordAnswer(ratification.ResultId, ratification.Scope, "ratified"), Decisions.Append(career, ratification).Events);
    }
}
