using System.Threading.RateLimiting;
using Ledger.Http.Keys;
using Microsoft.Extensions.Configuration;

namespace Ledger.Http.Hosting;

/// <summary>
/// Writes are limited per key (per client address without one), so one federation's runaway
/// script cannot crowd out the others: ASP.NET Core's rate limiter, a fixed window of a minute,
/// <c>LEDGER_WRITES_PER_MINUTE</c> writes in it (6,000 when unset: bulk loads go through import); beyond that 429 with Retry-After.
/// </summary>
public static class WriteLimits
{
    private const string Policy = "writes";
    public const int DefaultPerMinute = 6000;

    public static void AddWriteLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("LEDGER_WRITES_PER_MINUTE", DefaultPerMinute);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.Headers[WriteAccess.Header].FirstOrDefault() is { Length: > 0 } key ? $"key:{key}" : $"address:{http.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellation) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await Results.Problem($"Over {perMinute} writes a minute with this key; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    public static RouteGroupBuilder LimitedPerKey(this RouteGroupBuilder writes) => writes.RequireRateLimiting(Policy);
}
