using System.Net.Sockets;
using System.Net;
using Npgsql;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>The ledger's own server, started again after it stopped, as serve's supervision and the verbs start it.</summary>
public sealed class LocalPostgresTests : IDisposable
{
    private readonly LocalPostgres _server = new(Path.Combine(Path.GetTempPath(), $"ledger-local-{Guid.NewGuid():N}"));

    public void Dispose() => _server.Destroy();

    private static int PortOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Port;

    [Fact]
    public void A_server_whose_port_was_taken_comes_back_on_it_for_serve_and_elsewhere_for_a_verb()
    {
        var port = PortOf(_server.EnsureRunning());
        _server.Stop(immediate: true);
        var squatter = new TcpListener(IPAddress.Loopback, port);
        squatter.Start();
        try
        {
            Should.Throw<LocalPostgresUnavailable>(() => _server.EnsureRunning(onItsPort: true)).Message.ShouldContain($"port {port}");
            _server.IsRunning.ShouldBeFalse();
        }
        finally
        {
            squatter.Stop();
        }

        PortOf(_server.EnsureRunning(onItsPort: true)).ShouldBe(port);

        _server.Stop();
        squatter = new TcpListener(IPAddress.Loopback, port);
        squatter.Start();
        try
        {
            PortOf(_server.EnsureRunning()).ShouldNotBe(port);
        }
        finally
        {
            squatter.Stop();
        }
    }
}
