using Ledger.Store.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ledger.Cli.Database;

/// <summary>
/// While <c>serve</c> runs, the ledger's own PostgreSQL is kept running: a server that died (killed,
/// crashed, stopped by <c>ledger db stop</c>) is started again within a second or two, as any verb
/// would start it, on its port (tried again each second while another process holds it), and the
/// reads answer again without restarting serve.
/// </summary>
public sealed class Supervision(LocalPostgres local, ILogger<Supervision> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            if (local.IsRunning) continue;
            log.LogWarning("The ledger's PostgreSQL in {Folder} is not running; starting it again", local.Folder);
            try
            {
                // serve's store keeps the connection string it started with: the server comes back on its port or not at all.
                local.EnsureRunning(onItsPort: true);
                // The pooled connections went with the old server: each would fail once before being dropped.
                NpgsqlConnection.ClearAllPools();
            }
            catch (LocalPostgresUnavailable e)
            {
                log.LogError("{Reason}", e.Message);
            }
        }
    }
}
