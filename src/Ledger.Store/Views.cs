using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ledger.Domain;

namespace Ledger.Store;

// The answers of the read verbs, shaped as the contract's JSON (snake_case through EventFormat's
// conventions). The CLI prints them as tables or JSON; the HTTP API returns them as they are.

public sealed record AthleteSummary(string Athlete, string Name, string Country, Sex Sex);

public sealed record AthletesView(IReadOnlyList<AthleteSummary> Athletes);

public sealed record BestView(Discipline Discipline, Mark Mark, PartialDate Date, string? Competition, string? ResultId);

public sealed record PbsView(string Athlete, DateOnly? AsOf, DateTimeOffset? KnownAt, IReadOnlyList<BestView> Bests);

public sealed record RecordView(Discipline Discipline, Sex Sex, Mark Mark, string Athlete, PartialDate Date, string? Competition);

public sealed record RecordsView(string Country, DateOnly? AsOf, DateTimeOffset? KnownAt, IReadOnlyList<RecordView> Records);

public sealed record ProgressionView(
    Mark Mark, string Athlete, PartialDate Date, string? Competition, DateTimeOffset RecordedAt, RecordStatus Status,
    DateTimeOffset? RescindedAt, string? RescindReason);

public sealed record RecordHistoryView(string Country, Discipline Discipline, Sex Sex, IReadOnlyList<ProgressionView> Progression);

public sealed record ChampionshipsView(string Athlete, DateOnly? AsOf, IReadOnlyList<ChampionshipCount> Championships);

public sealed record TimelineView(string Athlete, DateOnly? AsOf, IReadOnlyList<JsonObject> Events);

public sealed record AuditView(string Athlete, IReadOnlyList<JsonObject> Events);

public static class ViewJson
{
    /// <summary>Like the event files, but every key of a view is always there, null or not.</summary>
    public static JsonSerializerOptions Options { get; } = new(EventFormat.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    public static string Write<T>(T view) => JsonSerializer.Serialize(view, Options);
}
