using Ledger.Store.Commanding;
using Ledger.Store.Records;

namespace Ledger.Store.Results;

/// <param name="Records">The scopes whose records the result claimed: <c>["world", "africa", "KEN"]</c>.</param>
public sealed record ResultAnswer(string ResultId, bool PersonalBest, bool NationalRecord, IReadOnlyList<string> Records) : CommandAnswer
{
    /// <summary>
    /// What a result's command does once its decision is made, in the command's transaction: appends the rescinds of other
    /// athletes' claims the decision overtook to their streams (a record is one mark's, so a better mark of the same race, or an
    /// earlier one, takes it from them), holds alone the records the decision writes (<see cref="StandingRecords.HoldWrittenAsync"/>),
    /// and answers, with the events for the athlete's own stream: is the result a best once its events are in, which records did
    /// it claim.
    /// </summary>
    public static async Task<(ResultAnswer, IReadOnlyList<object>)> CompleteAsync(IDocumentSession session, Decision decision, string resultId,
        CancellationToken cancellation)
    {
        foreach (var (athlete, rescind) in decision.Elsewhere) session.Events.Append(athlete, rescind);
        await StandingRecords.HoldWrittenAsync(session, decision, cancellation);
        return (new ResultAnswer(resultId, decision.IsPersonalBest(resultId), decision.SetsNationalRecord, decision.RecordScopes), decision.Events);
    }

    /// <summary>Answers are equal when they say the same, their scopes too (a replay is compared with the first answer).</summary>
    public bool Equals(ResultAnswer? other) =>
        other is not null && base.Equals(other) && (ResultId, PersonalBest, NationalRecord) == (other.ResultId, other.PersonalBest, other.NationalRecord)
        && Records.SequenceEqual(other.Records);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ResultId, PersonalBest, NationalRecord, Records.Count);

    public override string ToString() =>
        $"result {ResultId}: {(PersonalBest ? "a personal best" : "not a personal best")}, " +
        (Records.Count > 0 ? $"a record of {string.Join(", ", Records)}" : "no record");
}
