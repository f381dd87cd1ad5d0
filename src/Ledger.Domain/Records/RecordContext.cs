namespace Ledger.Domain;

/// <summary>What the ledger knows of one country, sex and discipline (outdoors or indoors) when it decides on a record.</summary>
/// <param name="Standing">The record as it stands, if any.</param>
/// <param name="BestKnown">With no record standing, the best record-eligible mark of any athlete of that country and sex.</param>
public sealed record RecordContext(RecordEntry? Standing, Mark? BestKnown)
{
    public static readonly RecordContext None = new(null, null);

    /// <summary>
    /// A record must beat the standing one; where none stands yet, every eligible mark known, so the
    /// ledger never declares a record worse than a mark it holds.
    /// </summary>
    public bool IsBeatenBy(Discipline discipline, Mark mark) =>
        Standing is not null ? discipline.Beats(mark, Standing.Mark) : BestKnown is not { } known || discipline.Beats(mark, known);
}
