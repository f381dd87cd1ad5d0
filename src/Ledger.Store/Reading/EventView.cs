using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Ledger.Store.Reading;

/// <summary>
/// A view of one event as the event files write it, flat: the view's own fields first, then the
/// event's (<see cref="EventViewConverter{T}"/>); in code, the event itself, typed.
/// </summary>
public abstract record EventView(object Event)
{
    [JsonIgnore] public virtual string Type => EventFormat.TypeName(Event.GetType());

    /// <summary>The view's own fields before the event's, null ones written as null.</summary>
    public abstract IEnumerable<(string Name, object? Value)> Before();

    /// <summary>Events of their own after the event's fields (a corrected result, before and after), left out when null.</summary>
    public virtual IEnumerable<(string Name, object? Value)> After() => [];
}

/// <summary>Writes an <see cref="EventView"/> flat, its event's fields among its own, as the contract's JSON has them.</summary>
public sealed class EventViewConverter<T> : JsonConverter<T> where T : EventView
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("views are written, never read");

    public override void Write(Utf8JsonWriter writer, T view, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        var own = view.Before().ToList();
        foreach (var (name, value) in own)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object), options);
        }

        // A field the view has already written (a timeline entry's date is its event's) is written once.
        foreach (var (name, value) in EventFormat.FieldsOf(view.Event).Where(f => own.All(o => o.Name != f.Key))) Write(writer, name, value);
        foreach (var (name, value) in view.After())
            if (value is not null) Write(writer, name, EventFormat.FieldsOf(value));
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, string name, JsonNode? value)
    {
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else value.WriteTo(writer);
    }
}
