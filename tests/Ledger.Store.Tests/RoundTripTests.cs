using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>What a command costs in round trips to PostgreSQL, counted where Npgsql sends them.</summary>
public sealed class RoundTripTests(ApiHost api, ITestOutputHelper output) : IClassFixture<ApiHost>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await api.Database.ResetToAsync(Lines.RecordHolder);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_add_result_makes_few_round_trips()
    {
        await Add("warm-up", "2026-03-01");
        using var trips = new RoundTrips(new Npgsql.NpgsqlConnectionStringBuilder(api.Database.ConnectionString).Database);
        await Add("counted", "2026-04-12");
        foreach (var sent in trips.Sent) output.WriteLine($"{RoundTrips.StatementsIn(sent)}: {sent.Replace('\n', ' ')[..Math.Min(300, sent.Length)]}");
        output.WriteLine($"{trips.Sent.Count} round trips, {trips.Statements} statements");
        trips.Sent.Count.ShouldBeLessThanOrEqualTo(6);
    }

    private Task<ResultAnswer> Add(string id, string date) =>
        api.SendAsync(new RecordResult(Lines.Athlete, new ResultRecorded(id, PartialDate.Parse(date), $"Race {id}", Discipline.Parse("marathon"),
            ResultStatus.Finished, Mark.Parse("2:20:00")), "tester"));
}
