using System.Text.Json.Nodes;
using Ledger.Store.Results;

namespace Ledger.Store.Commanding;

/// <summary>
/// The event a command would append, read from its fields as one JSON object (an HTTP body, or a
/// verb's flags) with the rules of a line of an event file: the same input is refused the same way
/// from anywhere, naming every wrong field. Text is stored as sent, never interpreted.
/// </summary>
public static class CommandInput
{
    public static T Read<T>(string athlete, JsonObject fields) where T : class => (T)Read(typeof(T), athlete, fields);

    public static object Read(Type type, string athlete, JsonObject fields)
    {
        if (type == typeof(ResultRecorded)) CompleteResult(fields);
        fields["type"] = EventFormat.TypeName(type);
        fields["athlete"] = athlete;
        return EventFormat.Parse(fields.ToJsonString(), out var problems)?.Data ?? throw new Refused(problems);
    }

    /// <summary>The fields of an event that the reader fills in when they are left out.</summary>
    public static IReadOnlyList<string> Filled(Type type) => type == typeof(ResultRecorded) ? ["result_id", "status"] : [];

    /// <summary>A result is finished unless said otherwise, and named from the race when unnamed.</summary>
    private static void CompleteResult(JsonObject json)
    {
        json["status"] ??= "finished";
        if (json["result_id"] is not null) return;
        // When no id can be made, the date, competition or discipline is wrong, and that is what the
        // refusal should name, not a missing id.
        json["result_id"] = Text(json, "date") is { } date && PartialDate.TryParse(date, out var d, out _)
                            && Text(json, "competition") is { Length: > 0 } competition
                            && Text(json, "discipline") is { } discipline && Discipline.TryParse(discipline, out var x, out _)
            ? RecordResult.IdFor(d, competition, x)
            : "unnamed";
    }

    private static string? Text(JsonObject json, string field) =>
        json[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
