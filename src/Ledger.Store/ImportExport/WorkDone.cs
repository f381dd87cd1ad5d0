namespace Ledger.Store.ImportExport;

/// <summary>How far a long piece of work is: which step, and how much of it is done.</summary>
public sealed record WorkDone(string Step, long Done, long Total);
