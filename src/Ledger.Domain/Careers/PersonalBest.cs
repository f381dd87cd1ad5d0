namespace Ledger.Domain;

/// <summary>
/// The best mark of a discipline, indoors or out: the legal best, with a better wind-assisted mark
/// beside it when there is one. Where every mark of the discipline was wind-assisted, the best of
/// them stands alone, its wind saying what it is.
/// </summary>
public sealed record PersonalBest(
    Discipline Discipline, Mark Mark, PartialDate Date, string? Competition, string? ResultId, Wind? Wind = null, bool Indoor = false,
    PersonalBest? WindAssistedBest = null)
{
    public bool IsLegal => !Conditions.IsAssisted(Wind);
}
