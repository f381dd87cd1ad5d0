using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;

namespace Ledger.Store.Reading;

public static class ViewJson
{
    /// <summary>Like the event files, but every key of a view is always there, null or not.</summary>
    public static JsonSerializerOptions Options { get; } = new(EventFormat.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        // Set, not left to the first serialization, so a view's contract may be read before any is written (ViewCsv).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static string Write<T>(T view) => JsonSerializer.Serialize(view, Options);
}
