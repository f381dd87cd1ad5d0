namespace Ledger.Store.Reading;

/// <summary>
/// Whether this moment's reads must see the latest writes though query sessions prefer a standby:
/// a host that knows (the HTTP app, for a client that holds a key) registers one.
/// </summary>
public delegate bool ReadsFromPrimary();
