using Ledger.Store.Commanding;

namespace Ledger.Store.Results;

public sealed record ResultAnswer(string ResultId, bool PersonalBest, bool NationalRecord) : CommandAnswer
{
    /// <summary>What a result's command answers: is the result a best once its events are in, did it set a record.</summary>
    public static ResultAnswer For(Decision decision, string resultId) =>
        new(resultId, decision.IsPersonalBest(resultId), decision.SetsNationalRecord);

    public override string ToString() =>
        $"result {ResultId}: {(PersonalBest ? "a personal best" : "not a personal best")}, {(NationalRecord ? "a national record" : "no national record")}";
}
