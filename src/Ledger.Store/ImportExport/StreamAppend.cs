namespace Ledger.Store.ImportExport;

/// <summary>An event to append, with its fields already as the store keeps them (<see cref="EventFormat.DataJson"/>).</summary>
public sealed record NewEvent(Guid Id, object Data, byte[] Json, DateTimeOffset? RecordedAt, string User, string CorrelationId);

/// <summary>
/// One athlete's stream as it stands, and what is appended to it; the caller folds each event it
/// appends (<see cref="Fold"/>) into the career it checks the next lines against, once it is written.
/// </summary>
public sealed class StreamAppend(string athlete, long version, Career career, ListedMarks marks, HashSet<Guid> seen)
{
    public string Athlete { get; } = athlete;
    public long Version { get; } = version;
    public Career Career { get; } = career;

    /// <summary>The stream's marks in the toplists; those the appended events open or close are written.</summary>
    public ListedMarks Marks { get; } = marks;

    public HashSet<Guid> Seen { get; } = seen;
    public int Appended { get; set; }
    public List<(object Record, DateTimeOffset RecordedAt)> Records { get; } = [];

    /// <summary>Whether an appended event changes the athlete's summary, so it must be written.</summary>
    public bool SummaryChanged { get; private set; }

    public void Fold(object @event)
    {
        Career.Fold(@event);
        SummaryChanged |= AthleteSummary.EventTypes.Contains(@event.GetType());
    }
}
