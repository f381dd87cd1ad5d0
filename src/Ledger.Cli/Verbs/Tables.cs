using System.Text.Json.Nodes;
using System.Text.Json;

namespace Ledger.Cli.Verbs;

/// <summary>How the verbs draw their tables.</summary>
public static class Tables
{
    public static Table Table(string title, params string[] columns)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(column);
        return table;
    }

    /// <summary>A value as a cell shows it: text as it is, escaped for Spectre's markup.</summary>
    public static string Text(object? value) => Markup.Escape(value switch
    {
        JsonNode node when node.GetValueKind() == JsonValueKind.String => node.Deserialize<string>()!,
        _ => value?.ToString() ?? "",
    });

    /// <summary>" as of 2010-12-31 as known at 2026-01-31 12:00:00Z", or nothing.</summary>
    public static string Moment(DateOnly? asOf, DateTimeOffset? knownAt) =>
        (asOf is null ? "" : $" as of {asOf:yyyy-MM-dd}") + (knownAt is null ? "" : $" as known at {knownAt:u}");
}
