using Shouldly;

namespace Ledger.Cli.Tests;

/// <summary>A country code typed in lower case at the command line is the code, stored and answered upper-case.</summary>
public sealed class CountryCodeVerbTests(LedgerDatabase db) : IClassFixture<LedgerDatabase>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await db.ResetToAsync(Lines.RecordHolder);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<Cli.Outcome> Ledger(params string[] args) => Cli.RunAsync(db.ConnectionString, args);

    [Fact]
    public async Task Register_athlete_with_country_mgl_stores_MGL_and_the_athletes_of_mgl_list_it()
    {
        var registered = await Ledger("register-athlete", "tsend-ayush", "--name", "Tsend-Ayush", "--country", "mgl", "--sex", "women", "--json");
        registered.Exit.ShouldBe(0, registered.Err);

        var athletes = await Ledger("athletes", "--country", "mgl", "--json");

        athletes.Exit.ShouldBe(0, athletes.Err);
        athletes.Json["athletes"]!.AsArray().Select(a => (a!["athlete"]!.GetValue<string>(), a["country"]!.GetValue<string>()))
            .ShouldBe([(Lines.Athlete, "MGL"), ("tsend-ayush", "MGL")], ignoreOrder: true);
        (await db.Athletes.SummaryAsync("tsend-ayush")).Country.ShouldBe("MGL");
    }

    [Theory]
    [InlineData("records", "{0}")]
    [InlineData("record-history", "{0}", "marathon", "--sex", "men")]
    [InlineData("toplist", "marathon", "--sex", "men", "--country", "{0}")]
    public async Task A_read_of_mgl_answers_exactly_as_one_of_MGL(params string[] args)
    {
        var upper = await Ledger([.. args.Select(a => string.Format(a, "MGL")), "--json"]);
        var lower = await Ledger([.. args.Select(a => string.Format(a, "mgl")), "--json"]);

        upper.Exit.ShouldBe(0, upper.Err);
        lower.ShouldBe(upper);
    }
}
