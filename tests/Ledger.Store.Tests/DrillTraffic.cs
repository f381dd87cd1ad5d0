using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Ledger.Store.Tests;

/// <summary>
/// A failover drill's clients, as federations' scripts behave: 8 writers, each adding results to an
/// athlete of its own with an <c>Idempotency-Key</c> per result, sending the same request again on
/// <c>503</c> and on a connection error until it is acknowledged; and 2 readers asking for an
/// athlete's bests and a toplist. Every answer is kept with the time its request was sent.
/// </summary>
public sealed class DrillTraffic : IAsyncDisposable
{
    public const int Writers = 8;

    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Task> _running = [];

    /// <summary>Each acknowledged result id, with when the attempt that was acknowledged was sent, and when its answer came.</summary>
    public ConcurrentDictionary<string, (TimeSpan Sent, TimeSpan Answered)> Acknowledged { get; } = new();

    /// <summary>Each read: when it was sent and its status (0: no answer).</summary>
    public ConcurrentQueue<(TimeSpan Sent, int Status)> Reads { get; } = new();

    /// <summary>Answers a client cannot retry its way out of: any status other than 2xx and 503.</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    public TimeSpan Now => _clock.Elapsed;

    private DrillTraffic(HttpClient client) => _client = client;

    /// <summary>Registers the writers' athletes, then starts the writers and readers.</summary>
    public static async Task<DrillTraffic> StartAsync(HttpClient client, string run)
    {
        var traffic = new DrillTraffic(client);
        for (var w = 0; w < Writers; w++)
        {
            var athlete = $"{run}-{w}";
            using var register = Post($"/athletes/{athlete}", """{"name":"A Runner","country":"KEN","sex":"men"}""", $"{athlete}-register");
            (await client.SendAsync(register)).EnsureSuccessStatusCode();
            traffic._running.Add(traffic.WriteAsync(athlete));
        }

        traffic._running.Add(traffic.ReadAsync($"/athletes/{run}-0/pbs"));
        traffic._running.Add(traffic.ReadAsync("/toplists/marathon?sex=men"));
        return traffic;
    }

    /// <summary>
    /// When the first write sent after <paramref name="since"/> was acknowledged; null while none is.
    /// An attempt the ledger could not commit at once it retries for seconds before answering, so it
    /// is its answer that says when writes were accepted again.
    /// </summary>
    public TimeSpan? FirstAcknowledgedAfter(TimeSpan since) =>
        Acknowledged.Values.Where(a => a.Sent > since).Select(a => a.Answered).Order().Cast<TimeSpan?>().FirstOrDefault();

    /// <summary>Waits until a write sent after <paramref name="since"/> is acknowledged: when it was.</summary>
    public async Task<TimeSpan> WriteAcknowledgedAfterAsync(TimeSpan since, int seconds, string what)
    {
        var deadline = Now + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            if (FirstAcknowledgedAfter(since) is { } first) return first;
            if (Now > deadline)
                throw new TimeoutException($"{what}: no write acknowledged within {seconds} s; unexpected answers: {string.Join("; ", Unexpected)}");
            await Task.Delay(50);
        }
    }

    /// <summary>Stops sending new writes and reads; a write under way is still sent until acknowledged.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
    }

    private async Task WriteAsync(string athlete)
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var id = $"{athlete}-{n}";
            var body = $$"""{"result_id":"{{id}}","date":"2024-04-21","competition":"Race {{id}}","discipline":"marathon","mark":"2:{{10 + n % 50}}:00"}""";
            var giveUp = Now + TimeSpan.FromSeconds(90);
            while (true)
            {
                var sent = Now;
                var status = await SendAsync(Post($"/athletes/{athlete}/results", body, id));
                if (status is >= 200 and < 300)
                {
                    Acknowledged[id] = (sent, Now);
                    break;
                }

                if (status is not (503 or 0))
                {
                    Unexpected.Enqueue($"{id}: {status}");
                    break;
                }

                if (Now > giveUp) return;
                await Task.Delay(250);
            }

            // Paced (about 40 writes a second in all): the drill measures the failover, and the tests beside it keep their cores.
            await Task.Delay(150);
        }
    }

    private async Task ReadAsync(string url)
    {
        while (!_stop.IsCancellationRequested)
        {
            var sent = Now;
            var status = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
            Reads.Enqueue((sent, status));
            if (status >= 500 && status != 503) Unexpected.Enqueue($"GET {url}: {status}");
            await Task.Delay(200);
        }
    }

    private static HttpRequestMessage Post(string url, string body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", ApiHost.Key);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    /// <summary>The answer's status; 0 when there was none (the connection failed or the request timed out).</summary>
    private async Task<int> SendAsync(HttpRequestMessage request)
    {
        try
        {
            using var _ = request;
            using var answer = await _client.SendAsync(request);
            return (int)answer.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
