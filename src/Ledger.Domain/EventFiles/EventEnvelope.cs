namespace Ledger.Domain;

/// <summary>
/// One line of an event file: the event, the athlete whose stream it belongs to, and, in an export,
/// what the store knew of its append (id, time, user, correlation), so an import can keep them.
/// </summary>
public sealed record EventEnvelope(
    string Athlete, object Data, Guid? Id = null, DateTimeOffset? RecordedAt = null, string? User = null,
    string? CorrelationId = null)
{
    public string Type => EventFormat.TypeName(Data.GetType());
}
