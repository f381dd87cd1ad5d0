namespace Ledger.Store.Keys;

public sealed record NewKeyView(string Name, string Key, IReadOnlyList<string>? Countries);

public sealed record KeyView(string Name, IReadOnlyList<string>? Countries, DateTimeOffset Created, DateTimeOffset? LastUsed);

public sealed record KeysView(IReadOnlyList<KeyView> Keys);

public sealed record RevokedKeyView(string Name, bool Revoked);
