using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// The real server, built as `ledger serve` builds it, on a free loopback port with the seed career,
/// and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    public static readonly string Screenshots = Path.Combine(Repository.Root, "TestResults", "screenshots");

    private LedgerDatabase? _database;
    private WebApplication? _app;
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string Address { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        // Playwright's own browser download cannot reach its host from here: the browser is Debian's.
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"The browser tests need Chromium at {Chromium}: run `apt-get install -y chromium`.");

        _database = new LedgerDatabase();
        await _database.InitializeAsync();
        await _database.Importer.ImportAsync([Repository.Events], new Actor("tester", "seed"));

        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Host.UseLedger(() => _database.ConnectionString);
        builder.Services.AddLedgerApi(builder.Configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.UseLedgerApi(new WriteAccess(ApiKey: null, Loopback: true));
        await _app.StartAsync();
        Address = _app.Urls.Single();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            // Without the networking flags Chromium keeps calling home, and this machine's network refuses it.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed class BrowserTests(LiveSite site) : IClassFixture<LiveSite>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        _context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private async Task Open(string path)
    {
        var response = await _page.GotoAsync(site.Address + path);
        response!.Status.ShouldBe(200);
    }

    private Task Screenshot(string name) =>
        _page.ScreenshotAsync(new() { Path = Path.Combine(LiveSite.Screenshots, name), FullPage = true });

    private Task<string> MarathonBest() => _page.Locator("#bests tbody tr", new() { HasText = "marathon" }).First.InnerTextAsync();

    [Fact]
    public async Task The_profile_shows_his_personal_bests()
    {
        await Open("/athletes/bat-ochir-ser-od");

        (await _page.Locator("h1").InnerTextAsync()).ShouldStartWith("Bat-Ochir Ser-Od");
        var bests = await _page.Locator("#bests tbody tr td:nth-child(2)").AllInnerTextsAsync();
        bests.Select(b => b.Split(' ')[0]).ShouldBe(["2:08:50", "1:02:10", "29:17.72", "14:12.86", "30:08"]);
        await Screenshot("profile.png");
    }

    [Fact]
    public async Task Setting_the_as_of_date_to_the_end_of_2010_shows_2_12_42_as_the_marathon_best()
    {
        await Open("/athletes/bat-ochir-ser-od");
        (await MarathonBest()).ShouldContain("2:08:50");

        await _page.FillAsync("#as-of input[name=asOf]", "2010-12-31");
        await _page.ClickAsync("#as-of button[type=submit]");
        await _page.WaitForURLAsync("**asOf=2010-12-31");

        (await MarathonBest()).ShouldContain("2:12:42");
        await Screenshot("profile-as-of-2010-12-31.png");
    }

    [Fact]
    public async Task The_records_page_shows_the_marathon_progression_in_order()
    {
        await Open("/records/MGL");

        var marks = await _page.Locator("#history-men-marathon tbody tr td:first-child").AllInnerTextsAsync();
        marks.ShouldBe(["2:14:15", "2:12:42", "2:11:35", "2:11:05", "2:08:50"]);
        await Screenshot("records.png");
    }
}
