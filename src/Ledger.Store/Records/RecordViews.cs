namespace Ledger.Store.Records;

public sealed record RecordView(Discipline Discipline, Sex Sex, Mark Mark, string Athlete, PartialDate Date, string? Competition, bool Indoor);

public sealed record RecordsView(string Country, DateOnly? AsOf, DateTimeOffset? KnownAt, IReadOnlyList<RecordView> Records);

public sealed record ProgressionView(
    Mark Mark, string Athlete, PartialDate Date, string? Competition, DateTimeOffset RecordedAt, RecordStatus Status,
    DateTimeOffset? RescindedAt, string? RescindReason);

public sealed record RecordHistoryView(string Country, Discipline Discipline, Sex Sex, bool Indoor, IReadOnlyList<ProgressionView> Progression);
