using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;

namespace Ledger.Store.Reading;

/// <summary>
/// A view's one list as CSV, for a spreadsheet: the same for the verbs' <c>--csv</c> and the API's <c>text/csv</c>.
/// RFC 4180 in UTF-8 (CRLF, no byte order mark), a header row, a row per entry of the list and a column per key of the
/// entries as the view's JSON writes them (<see cref="ViewJson"/>), so a column is named as <c>--json</c> names the key.
/// <list type="bullet">
/// <item>A nested object's keys are columns of their own, dotted: <c>wind_assisted_best.mark</c>.</item>
/// <item>Every key an entry may have is a column, in the order of the entry's type, then any more that entries hold
/// (a timeline's events each have their own); a key an entry lacks, or null, is an empty field.</item>
/// <item>Text as it is, numbers and booleans as the JSON writes them (<c>-0.3</c>, <c>true</c>), a list as its JSON.</item>
/// <item>A field that starts with = + - @, a tab or a CR, which a spreadsheet would run as a formula, is quoted after a
/// <c>'</c>, as OWASP advises against CSV injection: a head wind of <c>-0.3</c> reads <c>'-0.3</c>.</item>
/// </list>
/// </summary>
public static class ViewCsv
{
    public const string MediaType = "text/csv";
    public const string ContentType = MediaType + "; charset=utf-8";

    private static readonly CsvWriterOptions Written = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = false };

    /// <summary>The CSV of the view's one list, as UTF-8 bytes.</summary>
    public static byte[] Write(object view)
    {
        var (list, entryType) = ListOf(view.GetType());
        var entries = JsonSerializer.SerializeToNode(view, view.GetType(), ViewJson.Options)![list]!.AsArray()
            .Select(entry => Fields(entry!.AsObject(), "").ToDictionary())
            .ToList();
        var columns = Keys(entryType, "").Concat(entries.SelectMany(entry => entry.Keys)).Distinct().ToArray();

        using var bytes = new MemoryStream();
        // Entries that say nothing of themselves (events) and are none: no column to head.
        if (columns.Length == 0) return [];
        using (var csv = CsvWriter.Create(bytes, Written, leaveOpen: true))
        {
            csv.WriteHeader(columns);
            foreach (var entry in entries) csv.WriteRecord(columns.Select(column => entry.GetValueOrDefault(column)).ToArray());
        }

        return bytes.ToArray();
    }

    /// <summary>The JSON name of the view's one list, and the type of its entries.</summary>
    private static (string Name, Type Entry) ListOf(Type view)
    {
        var lists = ViewJson.Options.GetTypeInfo(view).Properties
            .Where(p => ViewJson.Options.GetTypeInfo(p.PropertyType).Kind == JsonTypeInfoKind.Enumerable)
            .ToList();
        if (lists.Count != 1) throw new InvalidOperationException($"{view.Name} has {lists.Count} lists; a CSV is made of a view with one");
        return (lists[0].Name, ViewJson.Options.GetTypeInfo(lists[0].PropertyType).ElementType!);
    }

    /// <summary>The keys an entry of the type may have, flattened; none for a type written by a converter of its own.</summary>
    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        var info = ViewJson.Options.GetTypeInfo(type);
        return info.Kind != JsonTypeInfoKind.Object ? []
            : info.Properties.Where(p => p.Get is not null).SelectMany(p =>
                ViewJson.Options.GetTypeInfo(p.PropertyType).Kind == JsonTypeInfoKind.Object ? Keys(p.PropertyType, $"{prefix}{p.Name}.") : [prefix + p.Name]);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Fields(JsonObject entry, string prefix) =>
        entry.SelectMany(field => field.Value is JsonObject inner
            ? Fields(inner, $"{prefix}{field.Key}.")
            : [new KeyValuePair<string, string?>(prefix + field.Key, Text(field.Value))]);

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
        _ => value.ToJsonString(EventFormat.Options),
    };
}
