namespace Ledger.Store.Keys;

/// <summary>
/// A key for the HTTP API's writes, kept in the database so every server of the ledger knows it.
/// Only a hash of the secret is stored: the secret is shown once, when the key is made, and the
/// document is found by the hash of what a request carries.
/// </summary>
public sealed class WriteKey
{
    /// <summary>The SHA-256 of the secret, in hex. The secret is 256 random bits, so no slower hash is needed.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The countries whose athletes the key may write; every country when null.</summary>
    public List<string>? Countries { get; set; }

    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? LastUsed { get; set; }

    public bool Allows(string country) => Countries is null || Countries.Contains(country);
}
