using Marten;
using Npgsql;
using Weasel.Postgresql;

namespace Ledger.Store;

/// <summary>
/// The ledger's tables, checked against its code once for each version of the code, not by every
/// process. Marten's own check (AutoCreate) reads the database's catalogue at a process's first use of
/// each table: over a hundred statements before the one query of a <c>ledger pbs</c>, and a third of
/// its time. Each host calls <see cref="EnsureCurrentAsync"/> first: one query when the tables are
/// current, after which Marten checks nothing. A host that does not (Marten's own verbs) checks as
/// Marten always does.
/// </summary>
public static class LedgerSchema
{
    private const string Table = $"{LedgerStore.Schema}.ledger_schema";

    /// <summary>
    /// The code that decides the tables (the store's configuration, Marten, Weasel), by module id: a
    /// deterministic build gives the same source the same ids, and any change of it new ones.
    /// </summary>
    public static readonly string Fingerprint = string.Join(' ',
        new[] { typeof(LedgerSchema), typeof(IDocumentStore), typeof(PostgresqlDatabase) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId));

    /// <summary>Makes or updates the tables unless this code has done so already, then says so in the database.</summary>
    public static async Task EnsureCurrentAsync(this IDocumentStore store, CancellationToken cancellation = default)
    {
        if (await AppliedAsync(store, cancellation) == Fingerprint)
        {
            ((PostgresqlDatabase)store.Storage.Database).MarkAllFeaturesAsChecked();
            return;
        }

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"create table if not exists {Table} (id int primary key default 1 check (id = 1), fingerprint text not null, applied_at timestamptz not null)");
        session.QueueSqlCommand($"""
            insert into {Table} (fingerprint, applied_at) values (?, now())
            on conflict (id) do update set fingerprint = excluded.fingerprint, applied_at = excluded.applied_at
            """, Fingerprint);
        await session.SaveChangesAsync(cancellation);
    }

    private static async Task<string?> AppliedAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        try
        {
            return (await session.AdvancedSql.QueryAsync<string>($"select fingerprint from {Table}", cancellation)).SingleOrDefault();
        }
        // A database the ledger has never used: no schema, or no record of one.
        catch (Exception e) when (e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName }
                                  || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName })
        {
            return null;
        }
    }
}
