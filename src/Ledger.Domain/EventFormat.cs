using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Ledger.Domain;

/// <summary>
/// One line of an event file: the event, the athlete whose stream it belongs to, and, in an export,
/// what the store knew of its append (id, time, user, correlation), so an import can keep them.
/// </summary>
public sealed record EventEnvelope(
    string Athlete, object Data, Guid? Id = null, DateTimeOffset? RecordedAt = null, string? User = null,
    string? CorrelationId = null)
{
    public string Type => EventFormat.TypeName(Data.GetType());
}

/// <summary>
/// The contract's JSON Lines format: <c>{"type":"result_recorded","athlete":"...",...fields}</c>,
/// snake_case throughout. The same options serialize events into the store, so what Marten holds
/// reads like the files.
/// </summary>
public static class EventFormat
{
    private static readonly string[] EnvelopeFields = ["type", "athlete", "id", "recorded_at", "user", "correlation_id"];

    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(AthleteRegistered), typeof(ResultRecorded), typeof(BestMarkReported), typeof(NationalRecordSet),
        typeof(NationalRecordRescinded), typeof(ResultCorrected), typeof(ResultAnnulled), typeof(ClubJoined),
        typeof(ClubLeft), typeof(HonourAwarded),
    ];

    private static readonly Dictionary<string, Type> ByName = EventTypes.ToDictionary(TypeName);

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>Applies the ledger's JSON conventions to a serializer's options (the store's too).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.RespectNullableAnnotations = true;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new TextConverter<Mark>(Mark.TryParse));
        options.Converters.Add(new TextConverter<PartialDate>(PartialDate.TryParse));
        options.Converters.Add(new TextConverter<Discipline>(Discipline.TryParse));
        options.Converters.Add(new TextConverter<Championship>(Championship.TryParse));
        return options;
    }

    public static string TypeName(Type type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name);

    /// <summary>Reads one line; on failure says which field is wrong and why.</summary>
    public static EventEnvelope? Parse(string line, out IReadOnlyList<FieldProblem> problems)
    {
        var found = new List<FieldProblem>();
        problems = found;

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException e)
        {
            found.Add(new FieldProblem("(line)", $"not valid JSON: {e.Message}"));
            return null;
        }

        if (json is null)
        {
            found.Add(new FieldProblem("(line)", "not a JSON object"));
            return null;
        }

        var typeName = Text(json, "type");
        if (typeName is null || !ByName.TryGetValue(typeName, out var type))
        {
            found.Add(new FieldProblem("type", typeName is null
                ? "a type is required"
                : $"'{typeName}' is not an event type ({string.Join(", ", ByName.Keys)})"));
            return null;
        }

        var athlete = Text(json, "athlete");
        if (!Codes.IsSlug(athlete)) found.Add(new FieldProblem("athlete", $"'{athlete}' is not an athlete slug (lower-case letters, digits, '-')"));

        var fields = FieldsOf(type);
        foreach (var (name, value) in json)
        {
            if (EnvelopeFields.Contains(name)) continue;
            if (!fields.TryGetValue(name, out var field)) found.Add(new FieldProblem(name, $"is not a field of {typeName}"));
            else if (value is null) { if (field.Required) found.Add(new FieldProblem(name, "is required and cannot be null")); }
            else if (Problem(value, field.Type) is { } problem) found.Add(new FieldProblem(name, problem));
        }

        foreach (var (name, field) in fields)
            if (field.Required && !json.ContainsKey(name)) found.Add(new FieldProblem(name, $"is required for {typeName}"));

        var envelope = ReadEnvelope(json, found);
        if (found.Count > 0) return null;

        var data = new JsonObject(json.Where(f => !EnvelopeFields.Contains(f.Key)).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())));
        return envelope with { Athlete = athlete!, Data = data.Deserialize(type, Options)! };
    }

    /// <summary>Why a field's value cannot be read as its type, field by field, so every bad value is named.</summary>
    private static string? Problem(JsonNode value, Type type)
    {
        try
        {
            value.Deserialize(type, Options);
            return null;
        }
        catch (JsonException e)
        {
            return e.InnerException is null && !e.Message.StartsWith("The JSON value", StringComparison.Ordinal)
                ? e.Message
                : $"{value.ToJsonString()} is not a valid {Describe(type)}";
        }
    }

    private static string Describe(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => "whole number",
        var t when t == typeof(bool) => "true or false",
        var t when t == typeof(string) => "text",
        var t when t.IsEnum => $"value ({string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName))})",
        var t => JsonNamingPolicy.SnakeCaseLower.ConvertName(t.Name).Replace('_', ' '),
    };

    public static string Write(EventEnvelope envelope)
    {
        var json = new JsonObject
        {
            ["type"] = envelope.Type,
            ["athlete"] = envelope.Athlete,
        };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(envelope.Data, envelope.Data.GetType(), Options)!.AsObject())
            json[name] = value?.DeepClone();
        if (envelope.Id is { } id) json["id"] = id;
        if (envelope.RecordedAt is { } at) json["recorded_at"] = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ");
        if (envelope.User is { } user) json["user"] = user;
        if (envelope.CorrelationId is { } correlation) json["correlation_id"] = correlation;
        return json.ToJsonString(Options);
    }

    /// <summary>
    /// The event's identity for idempotent imports: the id an export wrote, else one derived from the
    /// athlete, type and fields, so the same fact imported twice is recognised however it was laid out.
    /// </summary>
    public static Guid IdentityOf(EventEnvelope envelope)
    {
        if (envelope.Id is { } id) return id;
        var canonical = $"{envelope.Athlete}\n{envelope.Type}\n{JsonSerializer.Serialize(envelope.Data, envelope.Data.GetType(), Options)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        // Shaped as an RFC 9562 version 8 (custom) UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static EventEnvelope ReadEnvelope(JsonObject json, List<FieldProblem> found)
    {
        Guid? id = null;
        if (Text(json, "id") is { } idText)
        {
            if (Guid.TryParse(idText, out var parsed)) id = parsed;
            else found.Add(new FieldProblem("id", $"'{idText}' is not a UUID"));
        }

        DateTimeOffset? recordedAt = null;
        if (Text(json, "recorded_at") is { } atText)
        {
            if (DateTimeOffset.TryParse(atText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)) recordedAt = at;
            else found.Add(new FieldProblem("recorded_at", $"'{atText}' is not an ISO 8601 instant"));
        }

        return new EventEnvelope("", new object(), id, recordedAt, Text(json, "user"), Text(json, "correlation_id"));
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static readonly Dictionary<Type, Dictionary<string, (Type Type, bool Required)>> Fields = new();

    /// <summary>The snake_case fields of an event type, with each one's type and whether it is required (no default).</summary>
    private static Dictionary<string, (Type Type, bool Required)> FieldsOf(Type type)
    {
        lock (Fields)
        {
            if (Fields.TryGetValue(type, out var known)) return known;
            var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
            return Fields[type] = constructor.GetParameters()
                .ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!), p => (p.ParameterType, !p.HasDefaultValue));
        }
    }

    /// <summary>A value type written as text in JSON, refused with the type's own message when malformed.</summary>
    private sealed class TextConverter<T>(TextConverter<T>.TryParse parse) : JsonConverter<T>
    {
        public delegate bool TryParse(string? text, out T value, out string error);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"{typeof(T).Name.ToLowerInvariant()} must be a string");
            return parse(reader.GetString(), out var value, out var error) ? value : throw new JsonException(error);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value!.ToString());
    }
}
