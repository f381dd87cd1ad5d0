namespace Ledger.Store.ImportExport;

/// <summary>Who appends, and under which correlation: recorded in the metadata of every event.</summary>
public sealed record Actor(string User, string CorrelationId)
{
    public static Actor Current(string? user = null) =>
        new(string.IsNullOrWhiteSpace(user) ? Environment.UserName : user, Guid.NewGuid().ToString("N"));
}
