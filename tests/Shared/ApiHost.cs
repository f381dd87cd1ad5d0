using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Ledger.Tests;

/// <summary>The ledger's HTTP API, hosted as `ledger serve` hosts it, on its own database.</summary>
public class ApiHost : IAsyncLifetime
{
    /// <summary>The writes a key may make in a minute, when a test needs the limit low.</summary>
    protected virtual int? WritesPerMinute => null;

    public const string Key = "test-key";
    public LedgerDatabase Database { get; } = new();
    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>What the host logged as errors, by category: what an operator would be paged for.</summary>
    public ErrorLog Errors { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Errors);
        builder.Host.UseLedger(() => Database.ConnectionString);
        if (WritesPerMinute is { } limit) builder.Configuration["LEDGER_WRITES_PER_MINUTE"] = limit.ToString();
        builder.Services.AddLedgerApi(builder.Configuration);
        Host = await AlbaHost.For(builder, app => app.UseLedgerApi(new WriteAccess(Key, Loopback: true)));
    }

    /// <summary>A write as a client sends it, with the key unless told otherwise: the status and the answer.</summary>
    public async Task<(int Status, JsonObject Body)> PostAsync(string url, string body, string? key = Key, params (string Name, string Value)[] headers)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl(url);
            if (key is not null) s.WithRequestHeader("X-Api-Key", key);
            foreach (var (name, value) in headers) s.WithRequestHeader(name, value);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>A command sent through the bus every write goes through, as the API and the CLI send it.</summary>
    public Task<T> SendAsync<T>(ILedgerCommand<T> command) where T : CommandAnswer => Host.Services.GetRequiredService<IMessageBus>().CommandAsync(command);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>The errors a host logs, kept for a test to read.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _categories = new();

    public IReadOnlyCollection<string> Categories => _categories;

    public ILogger CreateLogger(string category) => new Logger(category, _categories);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel level) => level >= LogLevel.Error;

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> format)
        {
            if (IsEnabled(level)) errors.Enqueue(category);
        }
    }
}
