using Npgsql;

[assembly: AssemblyFixture(typeof(Ledger.Tests.PostgresServer))]

namespace Ledger.Tests;

/// <summary>
/// One real PostgreSQL for the whole test run: LEDGER_TEST_CONNECTION when set, else a throwaway
/// server in its own temporary folder on a free port, removed when the run ends.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private LocalPostgres? _throwaway;
    private string _admin = "";

    public static PostgresServer Instance { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("LEDGER_TEST_CONNECTION") is { Length: > 0 } configured)
        {
            _admin = configured;
        }
        else
        {
            _throwaway = new LocalPostgres(Path.Combine(Path.GetTempPath(), $"ledger-tests-{Guid.NewGuid():N}"));
            _admin = _throwaway.EnsureRunning();
        }

        Instance = this;
        return ValueTask.CompletedTask;
    }

    /// <summary>A new, empty database of its own, so test classes never see each other's events.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"ledger_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _throwaway?.Destroy();
        return ValueTask.CompletedTask;
    }
}
