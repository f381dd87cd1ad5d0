using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ledger.Store.Athletes;
using Ledger.Store.Keys;

namespace Ledger.Http.Keys;

/// <summary>
/// Who may write: a request carrying a key, <c>LEDGER_API_KEY</c> (every country) or one made by
/// <c>ledger keys add</c> (its countries only: any other athlete is 403, naming the athlete's
/// country). With neither configured, writes are open on a loopback address and refused on any other.
/// </summary>
/// <param name="ApiKey">The all-countries key of the environment, if any.</param>
/// <param name="Loopback">Whether the server listens on loopback addresses only.</param>
public sealed record WriteAccess(string? ApiKey, bool Loopback)
{
    /// <summary>Where the filter leaves the name of the key a write came with, for the recorded user.</summary>
    public const string KeyName = "ledger.key";

    public const string Header = "X-Api-Key";

    /// <summary>Where a read whose key is one of the ledger's is noted: its holder reads the primary (<see cref="ReadsFromPrimary"/>).</summary>
    public const string KeyHolder = "ledger.key-holder";

    public static WriteAccess For(string? apiKey, IEnumerable<string> urls) => new(
        string.IsNullOrWhiteSpace(apiKey) ? null : apiKey,
        urls.All(url => Uri.TryCreate(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0"), UriKind.Absolute, out var uri)
                        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))));

    /// <summary>
    /// Notes a read that comes with a key of this ledger, so it reads the primary and sees what its
    /// holder has just written. Any other header is a public read: a made-up key moves no load onto the primary.
    /// </summary>
    public async Task NoteKeyHolders(HttpContext http, RequestDelegate next)
    {
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.Request.Headers[Header].FirstOrDefault() is { Length: > 0 } presented
            && (IsApiKey(presented) || await http.RequestServices.GetRequiredService<WriteKeys>().FindAsync(presented, http.RequestAborted) is not null))
            http.Items[KeyHolder] = true;
        await next(http);
    }

    public async ValueTask<object?> Check(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = http.RequestServices.GetRequiredService<WriteKeys>();
        if (http.Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } presented)
        {
            if (ApiKey is not null || await keys.AnyAsync(http.RequestAborted))
                throw new Forbidden("Writes need a key in the X-Api-Key header.", unidentified: true);
            return Loopback
                ? await next(context)
                : throw new Forbidden("Writes are disabled: this server listens beyond loopback and no key is set (LEDGER_API_KEY or ledger keys add).");
        }

        if (IsApiKey(presented)) return await next(context);
        if (await keys.FindAsync(presented, http.RequestAborted) is not { } key)
            throw new Forbidden("The X-Api-Key is no key of this ledger (mistyped, or revoked).", unidentified: true);

        http.Items[KeyName] = key.Name;
        http.Items[typeof(WriteKey)] = key;
        if (await CountryAsync(http) is var (athlete, country) && !key.Allows(country))
            throw new Forbidden($"Key '{key.Name}' writes athletes of {string.Join(", ", key.Countries!)} only; '{athlete}' is of {country}.");
        if (key.Countries is not null && IsRuling(http) && await BodyFieldAsync(http, "scope") is { } scope && !key.Allows(RecordScopes.Normalized(scope)))
            throw new Forbidden($"Key '{key.Name}' rules on the national records of {string.Join(", ", key.Countries)} only; " +
                                $"a record of {scope} is ruled on with a key for all countries.");
        return await next(context);
    }

    /// <summary>Whether the write's key may write athletes of a country: every one but for a key of some countries (<c>keys add --countries</c>).</summary>
    public static Func<string, bool> MayWrite(HttpContext http) => country => http.Items[typeof(WriteKey)] is not WriteKey key || key.Allows(country);

    /// <summary>A ratification or a rejection of a record, which only the record's body may make.</summary>
    private static bool IsRuling(HttpContext http) =>
        http.Request.Path.Value!.TrimEnd('/') is var path
        && (path.EndsWith("/ratifications", StringComparison.Ordinal) || path.EndsWith("/rejections", StringComparison.Ordinal));

    /// <summary>
    /// A text field of the request's body (read, then rewound for the endpoint): a registration's country, a ruling's scope; none
    /// where the body has none, or is no JSON, which the endpoint refuses, naming what is wrong with it.
    /// </summary>
    private static async Task<string?> BodyFieldAsync(HttpContext http, string field)
    {
        if (http.Request.ContentLength == 0) return null;
        http.Request.EnableBuffering();
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return body is JsonObject fields && fields[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            http.Request.Body.Position = 0;
        }
    }

    /// <summary>
    /// Whether the key presented is <c>LEDGER_API_KEY</c>, compared in a time that says nothing of how much of it a guess got
    /// right: a plain comparison stops at the first wrong character, which a client can time to find the key one character at a
    /// time. Both are hashed first, so the digests compared are of one length whatever the keys' lengths.
    /// </summary>
    private bool IsApiKey(string presented) => ApiKey is not null && CryptographicOperations.FixedTimeEquals(Digest(presented), Digest(ApiKey));

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// The country of the athlete a write is for: a registration says it in its body (read, then
    /// rewound for the endpoint), every other write is for an athlete the ledger knows, or for
    /// none, which the command itself refuses.
    /// </summary>
    private static async Task<(string Athlete, string Country)?> CountryAsync(HttpContext http)
    {
        if (http.Request.RouteValues["athlete"] is not string athlete) return null;
        if (http.Request.Path.Value!.TrimEnd('/').EndsWith($"/athletes/{athlete}", StringComparison.Ordinal))
            return await BodyFieldAsync(http, "country") is { } code ? (athlete, Codes.Country(code)) : null;

        try
        {
            return (athlete, (await http.RequestServices.GetRequiredService<AthleteQueries>().SummaryAsync(athlete, http.RequestAborted)).Country);
        }
        catch (NotFound)
        {
            return null;
        }
    }
}
