using System.Text.Json.Nodes;
using Ledger.Store;
using Microsoft.AspNetCore.Http;
using static Ledger.Http.Web.Html;

namespace Ledger.Http.Web;

/// <summary><c>/athletes/{slug}/audit</c>: every event of the stream in append order, who appended it, and why.</summary>
public static class AuditPage
{
    /// <summary>The fields that say what an event is about, in the order they read best.</summary>
    private static readonly string[] Subject =
        ["name", "country", "date", "competition", "discipline", "status", "mark", "place", "club", "honour", "occasion"];

    public static async Task<IResult> RenderAsync(string slug, Queries queries, CancellationToken cancellation)
    {
        var events = (await queries.AuditAsync(slug, cancellation)).Events;
        var name = events.Select(e => e["name"]?.ToString()).FirstOrDefault(n => n is not null) ?? slug;

        return Page($"Audit: {name}", H($"""
            <h1>Audit: <a href="/athletes/{slug}">{name}</a></h1>
            <p class="muted">Every event of this career in the order the ledger appended it (times in UTC).</p>
            {Table("audit",
                H($"<tr><th>Version</th><th>Recorded at</th><th>User</th><th>Event</th><th>About</th><th>Reason</th></tr>"),
                events.Select(e => H($"""<tr><td>{e["version"]}</td><td>{RecordedAt(e)}</td><td>{e["user"]}</td><td>{Words(e["type"]!.ToString())}</td><td class="wrap">{About(e)}</td><td class="wrap">{e["reason"]}</td></tr>""")))}
            """));
    }

    private static string RecordedAt(JsonObject e) =>
        e["recorded_at"]!.GetValue<DateTimeOffset>().ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss");

    private static string About(JsonObject e)
    {
        var about = Subject.Select(key => e[key]?.ToString()).OfType<string>();
        // A correction, an annulment or a rescind names no race of its own: the result's id says which.
        if (e["competition"] is null && e["result_id"] is { } id) about = about.Prepend(id.ToString());
        return string.Join(" · ", about);
    }
}
