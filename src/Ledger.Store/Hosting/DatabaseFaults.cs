using Npgsql;

namespace Ledger.Store.Hosting;

/// <summary>
/// Tells the database failing the ledger (its server did not answer, its disk is full) from any other
/// error, in words that name the cause: which server, and for the ledger's own server, where its log
/// is. Both pass without anything being wrong with the request, once the server is back or space is
/// freed, so they are answered as "try again later" (HTTP 503, exit status 1), not as a crash.
/// </summary>
public sealed class DatabaseFaults(IDocumentStore store, LocalPostgres? local = null)
{
    /// <summary>How long a client is told to wait before asking again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The server did not answer, went away mid-command, is starting or stopping, or is a standby now:
    /// worth retrying, as it may be back, or another promoted, in a moment.
    /// </summary>
    public static bool Unreachable(Exception error) => NoPrimary(error) || Chain(error).Any(e => e switch
    {
        // Connection exceptions, and the server shutting down, crashing or starting up; and a server
        // taken for the primary refusing a write as a standby (demoted in a switchover, Npgsql not
        // having asked again yet): nothing was written, and the retry finds the new primary.
        PostgresException postgres => postgres.SqlState.StartsWith("08") || postgres.SqlState.StartsWith("57P")
                                      || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction,
        // Npgsql's own: the connection could not be made or broke (socket, stream, timeout).
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    });

    /// <summary>
    /// Of the several servers a multi-host connection names, none answered as the kind a session
    /// needs: for a write, no primary (it is down, and no standby has been promoted yet). Npgsql says
    /// so only in words.
    /// </summary>
    public static bool NoPrimary(Exception error) =>
        Chain(error).OfType<NpgsqlException>().Any(e => e.Message.StartsWith("No suitable host", StringComparison.Ordinal));

    public static bool DiskFull(Exception error) =>
        Chain(error).OfType<PostgresException>().Any(e => e.SqlState == PostgresErrorCodes.DiskFull);

    /// <summary>The cause in one line when the database failed, else null.</summary>
    public string? Describe(Exception error)
    {
        var log = local is null ? "" : $"; its log is {local.LogFile}";
        if (DiskFull(error)) return $"the database's disk is full at {Address()} ({Reason(error)}){log}";
        if (NoPrimary(error)) return $"no writable database answers: none of {Address()} is a primary that answers{log}";
        // Of several servers, the one that does not answer was the primary: Npgsql asks a server it found
        // down again after Host Recheck Seconds, so a write may end on its refusal rather than on "No suitable host".
        if (Unreachable(error) && SeveralServers) return $"no writable database answers: none of {Address()} is a primary that answers ({Reason(error)}){log}";
        if (Unreachable(error)) return $"the database server at {Address()} did not answer ({Reason(error)}){log}";
        return null;
    }

    /// <summary>Whether the connection names several servers (a primary and standbys: Host=a:5432,b:5432).</summary>
    public bool SeveralServers => Settings.Host!.Contains(',');

    private string Address() => SeveralServers ? Settings.Host! : $"{Settings.Host}:{Settings.Port}";

    /// <summary>The store's connection settings: they never change, and health probes ask for them every time.</summary>
    private NpgsqlConnectionStringBuilder Settings => _settings ??= ReadSettings();

    private NpgsqlConnectionStringBuilder? _settings;

    private NpgsqlConnectionStringBuilder ReadSettings()
    {
        using var connection = store.Storage.Database.CreateConnection();
        return new NpgsqlConnectionStringBuilder(connection.ConnectionString);
    }

    /// <summary>The server's own words when it gave any, else the innermost error's (e.g. "Connection refused").</summary>
    private static string Reason(Exception error) =>
        Chain(error).OfType<PostgresException>().FirstOrDefault()?.MessageText ?? Chain(error).Last().Message;

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException) yield return e;
    }
}
