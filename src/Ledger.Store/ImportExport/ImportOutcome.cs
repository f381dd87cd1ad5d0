namespace Ledger.Store.ImportExport;

public sealed record ImportOutcome(int Appended, int Skipped);

public sealed record ExportOutcome(int Athletes, int Events);
