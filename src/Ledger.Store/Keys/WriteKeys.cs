using System.Security.Cryptography;
using System.Text;
using Marten.Exceptions;

namespace Ledger.Store.Keys;

public sealed class WriteKeys(IDocumentStore store)
{
    /// <summary>Makes a key for the countries named (every country when none), and answers its secret, which is never stored.</summary>
    public async Task<NewKeyView> AddAsync(string name, IReadOnlyList<string>? countries, CancellationToken cancellation = default)
    {
        countries = countries?.Select(Codes.Country).ToList();
        if (!Codes.IsSlug(name)) throw new Refused("name", $"key name '{name}' is not lower-case letters, digits and '-'");
        var wrong = countries?.Select(c => FieldRules.ProblemWith("country", c)).OfType<string>().ToList() ?? [];
        if (wrong.Count > 0) throw new Refused(wrong.Select(problem => new FieldProblem("countries", problem)).ToList());
        if (countries is { Count: 0 }) throw new Refused("countries", "name the countries the key may write (--countries KEN,ETH), or --all");

        await using var session = store.LightweightSession();
        if (await session.Query<WriteKey>().AnyAsync(k => k.Name == name, cancellation)) throw new Conflict($"a key named '{name}' exists already");
        var secret = "ledger_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        session.Insert(new WriteKey { Id = Hash(secret), Name = name, Countries = countries?.Distinct().Order().ToList(), Created = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync(cancellation);
        return new NewKeyView(name, secret, countries?.Distinct().Order().ToList());
    }

    public async Task<KeysView> ListAsync(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<WriteKey>().OrderBy(k => k.Name).ToListAsync(cancellation);
        return new KeysView(keys.Select(k => new KeyView(k.Name, k.Countries, k.Created, k.LastUsed)).ToList());
    }

    public async Task<RevokedKeyView> RevokeAsync(string name, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        if (!await session.Query<WriteKey>().AnyAsync(k => k.Name == name, cancellation)) throw new NotFound($"no key named '{name}'");
        session.DeleteWhere<WriteKey>(k => k.Name == name);
        await session.SaveChangesAsync(cancellation);
        return new RevokedKeyView(name, true);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<WriteKey>().AnyAsync(cancellation);
    }

    /// <summary>
    /// The key whose secret this is, if any; its last use noted at most once a minute, so writes do not each write it.
    /// Found by the SHA-256 of what was presented, not compared in constant time: how long the lookup takes could at most
    /// tell how much of that digest matches a stored one, and a digest's first bytes do not lead back to a secret, whose
    /// 256 random bits no one can guess anyway.
    /// </summary>
    public async Task<WriteKey?> FindAsync(string secret, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var key = await session.LoadAsync<WriteKey>(Hash(secret), cancellation);
        if (key is not null && (key.LastUsed is null || DateTimeOffset.UtcNow - key.LastUsed > TimeSpan.FromMinutes(1)))
        {
            key.LastUsed = DateTimeOffset.UtcNow;
            // An update, not an upsert: a key revoked since it was loaded stays revoked, rather than being written back.
            session.Update(key);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (NonExistentDocumentException)
            {
                return null;
            }
        }

        return key;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
