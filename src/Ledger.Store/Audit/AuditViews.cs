using System.Text.Json.Serialization;
using Ledger.Store.Reading;

namespace Ledger.Store.Audit;

public sealed record AuditView(string Athlete, IReadOnlyList<AuditEntryView> Events);

/// <summary>
/// An event as appended, with who and when: <c>{"version","recorded_at","type","user","correlation_id","id",...its fields}</c>;
/// a correction also shows the result before and after it.
/// </summary>
[JsonConverter(typeof(EventViewConverter<AuditEntryView>))]
public sealed record AuditEntryView(
    long Version, DateTimeOffset RecordedAt, string StoredType, string? User, string? CorrelationId, Guid Id, object Event,
    ResultRecorded? ResultBefore = null, ResultRecorded? ResultAfter = null) : EventView(Event)
{
    public override string Type => StoredType;

    public override IEnumerable<(string Name, object? Value)> Before() =>
        [("version", Version), ("recorded_at", RecordedAt), ("type", Type), ("user", User), ("correlation_id", CorrelationId), ("id", Id)];

    public override IEnumerable<(string Name, object? Value)> After() => [("before", ResultBefore), ("after", ResultAfter)];
}
