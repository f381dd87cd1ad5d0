using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Ledger.Benchmarks.Figures;

namespace Ledger.Benchmarks;

/// <summary>
/// <c>--athletes N</c>: the web pages of a federation of that many athletes over 40 countries, with
/// the repository's own seed athlete among them, served by the real HTTP app as <c>ledger serve</c>
/// hosts it and asked for as a browser asks (<c>Accept: text/html</c>).
/// </summary>
public static class Federation
{
    private const string SeedAthlete = "bat-ochir-ser-od";
    private const int Connections = 16;
    private static readonly TimeSpan LoadFor = TimeSpan.FromSeconds(5);

    // A page is measured up to 60 times, but at least 5 and no more once 20 s have passed, since at
    // 20,000 athletes a page that lists them all takes seconds.
    private const int WarmUps = 2, MostSamples = 60, LeastSamples = 5;
    private static readonly TimeSpan SampleFor = TimeSpan.FromSeconds(20);

    public static async Task<Dictionary<string, double>> MeasureAsync(string connectionString, int athletes, int seed)
    {
        // The corpus is held by no local of this method: kept through the measures, at 200,000 athletes it took the memory
        // the database's cache needs.
        var (folder, slugs, countries) = await Corpus.WriteAsync(Corpus.Federation(athletes, seed).ToList(), "ledger-federation-");

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Host.UseLedger(() => connectionString);
        builder.Services.AddLedgerApi(builder.Configuration);
        // Port 0: the system picks a free one, and the app says which once started.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UseLedgerApi(new WriteAccess(null, Loopback: true));
        await app.StartAsync();
        try
        {
            var store = app.Services.GetRequiredService<IDocumentStore>();
            await store.EnsureCurrentAsync();
            var import = Stopwatch.StartNew();
            var outcome = await new Importer(store).ImportAsync([folder, SeedEvents()], new Actor("bench", "bench"));
            var figures = new Dictionary<string, double>
            {
                ["athletes"] = athletes,
                ["events"] = outcome.Appended,
                ["import_events_per_s"] = outcome.Appended / import.Elapsed.TotalSeconds,
            };

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = new Uri(app.Urls.Single()) };
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

            var random = new Random(seed);
            slugs = slugs.OrderBy(_ => random.Next()).ToList();
            countries.Sort(StringComparer.Ordinal);

            // Each request a first render: a query value no page reads keeps the server's output cache out.
            (figures["index_page_p50_ms"], figures["index_page_samples"], figures["index_page_bytes"]) = await PagesAsync(client, i => $"/?render={i}");
            (figures["records_page_p50_ms"], figures["records_page_samples"], figures["records_page_bytes"]) =
                await PagesAsync(client, i => $"/records/{countries[i % countries.Count]}?render={i}");
            // The seed athlete's profile warms up (and is weighed: it is the longest career); then each
            // profile is asked for once, so every measured request is a first view of its athlete.
            (figures["profile_page_p50_ms"], figures["profile_page_samples"], figures["profile_page_bytes"]) =
                await PagesAsync(client, i => $"/athletes/{(i == 0 ? SeedAthlete : slugs[i % slugs.Count])}");

            figures["profile_rps"] = await RequestsPerSecondAsync(client, $"/athletes/{SeedAthlete}");
            figures["health_rps"] = await RequestsPerSecondAsync(client, "/health");
            figures["profile_vs_health"] = figures["profile_rps"] / figures["health_rps"];
            return figures;
        }
        finally
        {
            await app.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The repository's events/, found from this build's folder below tests/Ledger.Benchmarks.</summary>
    private static string SeedEvents()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Ledger.sln")))
            folder = folder.Parent ?? throw new InvalidOperationException($"no Ledger.sln above {AppContext.BaseDirectory}");
        return Path.Combine(folder.FullName, "events");
    }

    /// <summary>
    /// The p50 of a page, whole body read, how many requests it is of, and the page's largest size.
    /// The first requests warm up the code and the caches the page needs.
    /// </summary>
    private static async Task<(double P50, double Samples, double Bytes)> PagesAsync(HttpClient client, Func<int, string> url)
    {
        var latencies = new List<TimeSpan>();
        var bytes = 0;
        var budget = Stopwatch.StartNew();
        for (var i = 0; latencies.Count < MostSamples && (latencies.Count < LeastSamples || budget.Elapsed < SampleFor); i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(i));
            var page = await response.Content.ReadAsByteArrayAsync();
            var elapsed = watch.Elapsed;
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
                throw new InvalidOperationException($"{url(i)} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}, not a page");
            bytes = Math.Max(bytes, page.Length);
            if (i < WarmUps) budget.Restart();
            else latencies.Add(elapsed);
        }

        return (Percentile(latencies, 50), latencies.Count, bytes);
    }

    /// <summary>Requests answered per second with <see cref="Connections"/> clients asking one after another, after a warm-up.</summary>
    private static async Task<double> RequestsPerSecondAsync(HttpClient client, string url)
    {
        var answered = 0;
        async Task Load(TimeSpan duration)
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
            {
                while (watch.Elapsed < duration)
                {
                    using var response = await client.GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    Interlocked.Increment(ref answered);
                }
            }));
        }

        await Load(TimeSpan.FromSeconds(1));
        answered = 0;
        var measured = Stopwatch.StartNew();
        await Load(LoadFor);
        return answered / measured.Elapsed.TotalSeconds;
    }
}
