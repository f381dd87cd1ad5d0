using JasperFx;
using JasperFx.CodeGeneration;
using Marten.Exceptions;
using Npgsql;
using Ledger.Store.Commands;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Ledger.Store;

public static class LedgerBus
{
    /// <summary>
    /// Wolverine as the ledger's command bus: handlers in this assembly, each in one Marten
    /// transaction, retried when another writer got to the same stream or command id first, or
    /// while the database does not answer.
    /// </summary>
    public static void UseLedgerCommands(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(RecordResult).Assembly);
        // Commands are invoked in process and answered at once: no queues, no background agents.
        options.Durability.Mode = DurabilityMode.MediatorOnly;
        options.Policies.AutoApplyTransactions();
        // A server started while its database is away serves anyway, answering 503 until it is back.
        options.ResourceMigrationFailureMode = ResourceMigrationFailureMode.ContinueOnFailures;

        // A conflict means the decision was made on stale state: make it again on fresh state.
        options.OnException<ConcurrencyException>()
            .Or<ExistingStreamIdCollisionException>()
            // Marten's quick append reports a stale expected version as MT003; not every path translates it.
            .Or<MartenCommandException>(e => e.InnerException is PostgresException { SqlState: "MT003" })
            .Or<DocumentAlreadyExistsException>()
            .RetryWithCooldown(
                TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(50),
                TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200),
                TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(400),
                TimeSpan.FromMilliseconds(800));

        // A server restarting (the ledger's own is started again by serve) answers within seconds;
        // past that the caller is told the database is away (503, exit 1). A command whose commit
        // was cut off may have been appended: a retry with its command id recalls that answer.
        options.OnException(DatabaseFaults.Unreachable)
            .RetryWithCooldown(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        // Every process of the CLI is short: load the handler code generated ahead of time
        // (src/Ledger.Store/Internal/Generated, 'codegen write') rather than compile it at start.
        options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
    }
}
