using Npgsql;

namespace Ledger.Store.Hosting;

public static class Connections
{
    /// <summary>Runs a statement that answers nothing, in the connection's transaction if it has one.</summary>
    public static async Task ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
