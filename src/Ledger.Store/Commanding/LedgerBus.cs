using JasperFx.CodeGeneration;
using JasperFx.Core.Reflection;
using JasperFx;
using Ledger.Store.Hosting;
using Marten.Exceptions;
using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine.Persistence;
using Wolverine;

namespace Ledger.Store.Commanding;

public static class LedgerBus
{
    /// <summary>
    /// Wolverine as the ledger's command bus: handlers in this assembly, each in one Marten
    /// transaction, retried when another writer got to the same stream or command id first, or
    /// while the database does not answer.
    /// </summary>
    public static void UseLedgerCommands(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(ILedgerCommand).Assembly);
        // Commands are invoked in process and answered at once: no queues, no background agents.
        options.Durability.Mode = DurabilityMode.MediatorOnly;
        options.Policies.AutoApplyTransactions();
        // Each applies to the commands its message parameter (ILedgerCommand<TAnswer>) takes.
        foreach (var answer in AnswerTypes())
            options.Policies.ForMessagesOfType<ILedgerCommand>().AddMiddleware(typeof(CommandIds<>).MakeGenericType(answer));
        // A server started while its database is away serves anyway, answering 503 until it is back.
        options.ResourceMigrationFailureMode = ResourceMigrationFailureMode.ContinueOnFailures;
        // Its envelope tables are the store's, made with the rest once per version of the code
        // (LedgerSchema): checking them at every start cost a writing verb some 90 statements.
        options.AutoBuildMessageStorageOnStartup = AutoCreate.None;

        // A conflict means the decision was made on stale state: make it again on fresh state.
        options.OnException<ConcurrencyException>()
            .Or<ExistingStreamIdCollisionException>()
            // Marten's quick append reports a stale expected version as MT003; not every path translates it.
            .Or<MartenCommandException>(e => e.InnerException is PostgresException { SqlState: "MT003" })
            .Or<DocumentAlreadyExistsException>()
            // Records it weighed and writes, which another command weighed too, could not be held alone (StandingRecords.HoldWrittenAsync).
            .Or<Exception>(RecordsContended)
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

    /// <summary>
    /// Whether the command failed as another held the records it writes: the wait for them cut short, or two commands found each
    /// waiting for the other. Marten reports either as the cause of its own exception.
    /// </summary>
    private static bool RecordsContended(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected }
        || exception.InnerException is { } cause && RecordsContended(cause);

    /// <summary>
    /// Sends a command and waits for its answer. A command for an athlete the ledger does not hold
    /// is refused naming the athlete, as any other refusal names its field.
    /// </summary>
    public static async Task<TAnswer> CommandAsync<TAnswer>(this IMessageBus bus, ILedgerCommand<TAnswer> command, CancellationToken cancellation = default)
        where TAnswer : CommandAnswer
    {
        try
        {
            return await bus.InvokeAsync<TAnswer>(command, cancellation);
        }
        catch (RequiredDataMissingException missing)
        {
            throw new Refused([new FieldProblem("athlete", missing.Message)]);
        }
    }

    /// <summary>Every command of the ledger: the records in this assembly that are <see cref="ILedgerCommand{TAnswer}"/>.</summary>
    public static IReadOnlyList<Type> Commands { get; } =
        typeof(ILedgerCommand).Assembly.GetTypes().Where(t => t.IsConcrete() && t.CanBeCastTo<ILedgerCommand>()).ToList();

    /// <summary>Every answer a command of the ledger gives, each with its own <see cref="CommandIds{TAnswer}"/>.</summary>
    private static IEnumerable<Type> AnswerTypes() =>
        Commands.Select(command => command.FindInterfaceThatCloses(typeof(ILedgerCommand<>))!.GetGenericArguments()[0]).Distinct();
}
