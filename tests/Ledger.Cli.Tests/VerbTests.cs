using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>The issue's own words, through the real binary: a sprinter's legal and wind-assisted 100 m.</summary>
public sealed class WindVerbTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await db.ResetToAsync(Lines.Registered("sprinter", "JAM"));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Add_result_takes_the_wind_and_pbs_shows_the_wind_assisted_best_beside_the_legal_one()
    {
        var legal = await Cli.RunAsync(db.ConnectionString, "add-result", "sprinter", "--date", "2024-06-01", "--competition", "Meeting A",
            "--discipline", "100m", "--mark", "9.86", "--wind", "0.9", "--json");
        legal.Exit.ShouldBe(0, legal.Err);
        legal.Json["personal_best"]!.GetValue<bool>().ShouldBeTrue();

        var assisted = await Cli.RunAsync(db.ConnectionString, "add-result", "sprinter", "--date", "2024-07-01", "--competition", "Meeting B",
            "--discipline", "100m", "--mark", "9.79", "--wind", "2.4", "--json");
        assisted.Exit.ShouldBe(0, assisted.Err);
        (assisted.Json["personal_best"]!.GetValue<bool>(), assisted.Json["national_record"]!.GetValue<bool>()).ShouldBe((false, false));

        var pbs = await Cli.RunAsync(db.ConnectionString, "pbs", "sprinter", "--json");
        var best = pbs.Json["bests"]!.AsArray().ShouldHaveSingleItem()!;
        (best["mark"]!.GetValue<string>(), best["wind_assisted_best"]!["mark"]!.GetValue<string>()).ShouldBe(("9.86", "9.79"));

        var headWind = await Cli.RunAsync(db.ConnectionString, "add-result", "sprinter", "--date", "2024-08-01", "--competition", "Meeting C",
            "--discipline", "100m", "--mark", "10.01", "--wind=-0.3", "--json");
        headWind.Exit.ShouldBe(0, headWind.Err);
    }
}

/// <summary>The toplist verb, as a user runs it.</summary>
public sealed class ToplistVerbTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await db.ResetToAsync(Lines.Registered(), Lines.Result("berlin-2010", "2010-09-26", "2:12:42"), Lines.Result("tokyo-2014", "2014-02-27", "2:11:05"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task It_prints_the_contracts_json_and_refuses_what_is_not_a_list_with_exit_2()
    {
        var list = await Cli.RunAsync(db.ConnectionString, "toplist", "marathon", "--sex", "men", "--country", "mgl", "--all-time", "--json");
        list.Exit.ShouldBe(0, list.Err);
        list.Json["country"]!.GetValue<string>().ShouldBe("MGL");
        list.Json["year"].ShouldBeNull();
        list.Json["entries"]!.AsArray().Select(e => e!["mark"]!.GetValue<string>()).ShouldBe(["2:11:05"]);

        foreach (var (args, reason) in new[]
                 {
                     (new[] { "--year", "2014", "--all-time" }, "give --year or --all-time, not both"),
                     (["--year", "2014"], "--sex is required"),
                     (["--sex", "men", "--limit", "0"], "--limit 0 is out of range"),
                 })
        {
            var refused = await Cli.RunAsync(db.ConnectionString, ["toplist", "marathon", .. args, "--json"]);
            (refused.Exit, refused.Out).ShouldBe((2, ""));
            refused.Err.ShouldContain(reason);
        }

        var misspelt = await Cli.RunAsync(db.ConnectionString, "toplist", "marthon", "--sex", "men", "--json");
        (misspelt.Exit, misspelt.Out).ShouldBe((2, ""));
        misspelt.Err.ShouldContain("no discipline 'marthon' in the catalogue, nor a mark of it in the ledger (the closest are marathon");
    }
}

/// <summary>The athletes verb pages a federation with the contract's flags.</summary>
public sealed class AthletesVerbTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await db.ResetToAsync(Lines.Federation);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_command_line_pages_with_the_contracts_flags()
    {
        var outcome = await Cli.RunAsync(db.ConnectionString, "athletes", "--country", "KEN", "--page", "2", "--page-size", "50", "--json");

        outcome.Exit.ShouldBe(0, outcome.Err);
        outcome.Json["athletes"]!.AsArray().Count.ShouldBe(20);
        outcome.Json["total"]!.GetValue<int>().ShouldBe(70);
        outcome.Json["page_size"]!.GetValue<int>().ShouldBe(50);

        var refused = await Cli.RunAsync(db.ConnectionString, "athletes", "--page-size", "lots");
        refused.Exit.ShouldBe(2);
        refused.Err.ShouldContain("--page-size 'lots'");
    }
}

/// <summary>`ledger serve` as its own process, on real listeners.</summary>
public sealed class ServeVerbTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await db.ResetToAsync(Lines.RecordHolder);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Without_a_key_a_server_listening_beyond_loopback_refuses_writes_with_403_and_still_answers_reads()
    {
        await using var server = await Cli.ServeAsync(new() { ["LEDGER_CONNECTION"] = db.ConnectionString, ["LEDGER_API_KEY"] = null }, "0.0.0.0");
        using var client = new HttpClient { BaseAddress = server.Address };

        var write = await client.PostAsync($"/athletes/{Lines.Athlete}/results",
            new StringContent("""{"date":"2026-04-12","competition":"Rotterdam Marathon","discipline":"marathon","mark":"2:07:59"}"""));
        var read = await client.GetAsync($"/athletes/{Lines.Athlete}/pbs");

        ((int)write.StatusCode).ShouldBe(403, await write.Content.ReadAsStringAsync());
        ((int)read.StatusCode).ShouldBe(200);
        (await db.Audit.AuditAsync(Lines.Athlete)).Events.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Metrics_are_served_on_their_own_listener_and_not_to_the_api_s_clients()
    {
        await using var server = await Cli.ServeAsync(new() { ["LEDGER_CONNECTION"] = db.ConnectionString }, "0.0.0.0");
        using var api = new HttpClient { BaseAddress = server.Address };
        using var scraper = new HttpClient { BaseAddress = server.Metrics };
        (await api.GetAsync($"/athletes/{Lines.Athlete}/pbs")).EnsureSuccessStatusCode();

        var scraped = await scraper.GetAsync("/metrics");
        var metrics = await scraped.Content.ReadAsStringAsync();

        ((int)(await api.GetAsync("/metrics")).StatusCode).ShouldBe(404);
        ((int)scraped.StatusCode).ShouldBe(200);
        scraped.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        metrics.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        metrics.ShouldContain("http_route=\"/athletes/{athlete}/pbs\"");
        metrics.ShouldContain("# TYPE db_client_commands_duration_seconds histogram");
        // The metrics listener is no second door to the API.
        ((int)(await scraper.GetAsync($"/athletes/{Lines.Athlete}/pbs")).StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task Metrics_on_a_port_the_api_listens_on_are_refused()
    {
        var refused = await Cli.RunWithAsync(new() { ["LEDGER_CONNECTION"] = db.ConnectionString, ["LEDGER_METRICS_URL"] = "http://127.0.0.1:5080" },
            "serve", "--urls", "http://0.0.0.0:5080");

        (refused.Exit, refused.Out).ShouldBe((2, ""));
        refused.Err.ShouldContain("LEDGER_METRICS_URL");
    }
}
