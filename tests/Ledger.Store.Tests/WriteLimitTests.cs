using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>The API with three writes a minute for each key.</summary>
public sealed class ThreeWritesAMinute : ApiHost
{
    protected override int? WritesPerMinute => 3;
}

public sealed class WriteLimitTests(ThreeWritesAMinute api) : IClassFixture<ThreeWritesAMinute>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await api.Database.ResetToAsync(Lines.Registered());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(int Status, string? RetryAfter)> Join(string club, string key)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Post.Text(new JsonObject { ["club"] = club, ["date"] = "2020-01-01" }.ToJsonString()).ToUrl($"/athletes/{Lines.Athlete}/clubs");
            s.WithRequestHeader("X-Api-Key", key);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.Context.Response.Headers.RetryAfter.FirstOrDefault());
    }

    [Fact]
    public async Task A_key_over_its_writes_a_minute_is_429_with_retry_after_and_other_keys_write_on()
    {
        for (var i = 0; i < 3; i++) (await Join($"club-{i}", ApiHost.Key)).Status.ShouldBe(200);

        var (status, retryAfter) = await Join("club-3", ApiHost.Key);
        status.ShouldBe(429);
        int.Parse(retryAfter!).ShouldBeInRange(1, 60);
        (await api.Database.Audit.AuditAsync(Lines.Athlete)).Events.Count.ShouldBe(4);

        var other = (await api.Host.Services.GetRequiredService<WriteKeys>().AddAsync("other", countries: null)).Key;
        (await Join("club-4", other)).Status.ShouldBe(200);
    }
}
