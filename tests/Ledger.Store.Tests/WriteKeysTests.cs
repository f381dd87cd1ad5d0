using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>Write keys as a federation trusts them: no secret in the database, and a revoked key writes nothing more.</summary>
public sealed class WriteKeysTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private WriteKeys Keys => api.Host.Services.GetRequiredService<WriteKeys>();

    public async ValueTask InitializeAsync() => await api.Database.ResetToAsync(Lines.Registered());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<(int Status, JsonObject Body)> JoinClub(string club, string key) =>
        api.PostAsync($"/athletes/{Lines.Athlete}/clubs", new JsonObject { ["club"] = club, ["date"] = "2020-01-01" }.ToJsonString(), key);

    [Fact]
    public async Task The_stored_key_holds_the_hash_of_its_secret_and_nowhere_the_secret()
    {
        var secret = (await Keys.AddAsync("athletics-mongolia", ["MGL"])).Key;
        // Its first use writes the document again, noting when.
        (await JoinClub("ulaanbaatar-ac", secret)).Status.ShouldBe(200);

        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var rows = new NpgsqlCommand($"select row_to_json(k)::text from {api.Database.Store.TableOf<WriteKey>()} k", connection);
        var stored = (string)(await rows.ExecuteScalarAsync())!;

        stored.ShouldContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        stored.ShouldContain("\"last_used\"");
        stored.ShouldNotContain(secret);
        stored.ShouldNotContain(secret["ledger_".Length..]);
    }

    [Fact]
    public async Task A_key_revoked_is_401_with_problem_details_at_its_next_write()
    {
        var secret = (await Keys.AddAsync("statistician", countries: null)).Key;
        (await JoinClub("ulaanbaatar-ac", secret)).Status.ShouldBe(200);

        await Keys.RevokeAsync("statistician");
        var (status, problem) = await JoinClub("tokyo-ac", secret);

        status.ShouldBe(401);
        (problem["status"]!.GetValue<int>(), problem["detail"]!.GetValue<string>()).ShouldBe((401, "The X-Api-Key is no key of this ledger (mistyped, or revoked)."));
        (await api.Database.Audit.AuditAsync(Lines.Athlete)).Events.Count.ShouldBe(2);
    }
}
