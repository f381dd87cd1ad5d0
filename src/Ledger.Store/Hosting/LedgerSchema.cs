using System.Runtime.CompilerServices;
using Ledger.Store.Toplists;
using Weasel.Postgresql;
using Wolverine.Persistence.Durability;

namespace Ledger.Store.Hosting;

/// <summary>
/// The ledger's tables, checked against its code once for each version of the code, not by every
/// process. Marten's own check (AutoCreate) reads the database's catalogue at a process's first use of
/// each table, and Wolverine's at every start: over a hundred statements before the one query of a
/// <c>ledger pbs</c>, and a third of its time. Each host calls <see cref="EnsureCurrentAsync(IServiceProvider, CancellationToken)"/>
/// first: one query when the tables are current, after which Marten checks nothing. A host that does
/// not (Marten's own verbs) checks as Marten always does.
/// </summary>
public static class LedgerSchema
{
    /// <summary>
    /// The code that decides the tables (the store's configuration, Marten, Weasel, Wolverine), by
    /// module id: a deterministic build gives the same source the same ids, and any change of it new ones.
    /// Kept as the comment of the ledger's schema, where no table has to exist to read it.
    /// </summary>
    public static readonly string Fingerprint = string.Join(' ',
        new[] { typeof(LedgerSchema), typeof(IDocumentStore), typeof(PostgresqlDatabase), typeof(IMessageStore) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId));

    /// <summary>A host's tables: its store's, and its bus's (Wolverine's envelope tables, which the store does not make).</summary>
    public static Task EnsureCurrentAsync(this IServiceProvider services, CancellationToken cancellation = default) =>
        services.GetRequiredService<IDocumentStore>().EnsureCurrentAsync(services.GetService<IMessageStore>(), cancellation);

    /// <summary>Makes or updates the tables unless this code has done so already, then says so in the database.</summary>
    public static async Task EnsureCurrentAsync(this IDocumentStore store, IMessageStore? bus = null, CancellationToken cancellation = default)
    {
        if (Current.TryGetValue(store, out _)) return;
        if (await AppliedAsync(store, cancellation) != Fingerprint)
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            if (bus is not null) await bus.Admin.MigrateAsync();
            await using var session = store.LightweightSession();
            session.QueueSqlCommand(ListedMarkRows.Statistics);
            // A comment takes no parameter; the fingerprint is module ids and spaces.
            session.QueueSqlCommand($"comment on schema {LedgerStore.Schema} is '{Fingerprint}'");
            await session.SaveChangesAsync(cancellation);
        }

        ((PostgresqlDatabase)store.Storage.Database).MarkAllFeaturesAsChecked();
        Current.AddOrUpdate(store, Current);
    }

    /// <summary>The stores of this process known to be current: a writing verb asks first, then its host again as it starts.</summary>
    private static readonly ConditionalWeakTable<IDocumentStore, object> Current = [];

    /// <summary>The fingerprint of the code that last brought the tables up to date; empty for a database the ledger has not used.</summary>
    public static async Task<string> AppliedAsync(IDocumentStore store, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var applied = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(obj_description(to_regnamespace('{LedgerStore.Schema}')::oid, 'pg_namespace'), '')", cancellation);
        return applied.Single();
    }
}
