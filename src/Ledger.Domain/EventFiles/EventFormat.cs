using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text.Unicode;
using System.Text;

namespace Ledger.Domain;

/// <summary>
/// The contract's JSON Lines format: <c>{"type":"result_recorded","athlete":"...",...fields}</c>,
/// snake_case throughout. The same options serialize events into the store, so what Marten holds
/// reads like the files.
/// </summary>
public static class EventFormat
{
    private static readonly string[] EnvelopeFields = ["type", "athlete", "id", "recorded_at", "user", "correlation_id"];

    /// <summary>Every event of the ledger: the records of this assembly that are <see cref="ICareerEvent"/>, in the order they are declared.</summary>
    public static readonly IReadOnlyList<Type> EventTypes = typeof(ICareerEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && t.IsAssignableTo(typeof(ICareerEvent)))
        .OrderBy(t => t.MetadataToken)
        .ToList();

    private static readonly Dictionary<string, Type> ByName = EventTypes.ToDictionary(t => JsonNamingPolicy.SnakeCaseLower.ConvertName(t.Name));

    private static readonly Dictionary<Type, string> NameOf = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    /// <summary>
    /// As <see cref="Options"/>, but refusing a missing required field: a line read with these needs no
    /// field-by-field look, because whatever they accept that look would accept too.
    /// </summary>
    private static readonly JsonSerializerOptions Strict = new(Options) { RespectRequiredConstructorParameters = true };

    /// <summary>Applies the ledger's JSON conventions to a serializer's options (the store's too).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.RespectNullableAnnotations = true;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        // First, ahead of the store's own enum converter: the store then keeps an enum as a file writes it (women_only, not
        // WomenOnly), so a line imported as it is reads back; it still reads what it kept before (WomenOnly, Finished).
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new TextConverter<Mark>(Mark.TryParse, numbersToo: true));
        options.Converters.Add(new WindConverter());
        options.Converters.Add(new TextConverter<PartialDate>(PartialDate.TryParse));
        options.Converters.Add(new TextConverter<Discipline>(Discipline.TryParse));
        options.Converters.Add(new TextConverter<Championship>(Championship.TryParse));
        return options;
    }

    public static string TypeName(Type type) =>
        NameOf.TryGetValue(type, out var name) ? name : JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name);

    /// <summary>Reads one line; on failure says which field is wrong and why.</summary>
    public static EventEnvelope? Parse(string line, out IReadOnlyList<FieldProblem> problems) =>
        Parse(Encoding.UTF8.GetBytes(line), out problems);

    /// <summary>
    /// Reads one line of UTF-8; on failure says which field is wrong and why. A line in another encoding
    /// (a file saved as Latin-1) is refused where its first byte that is not UTF-8 stands, never read with
    /// replacement characters: a "Müller" would be stored mangled.
    /// </summary>
    public static EventEnvelope? Parse(ReadOnlySpan<byte> line, out IReadOnlyList<FieldProblem> problems)
    {
        problems = [];
        if (!Utf8.IsValid(line))
        {
            Utf8.ToUtf16(line, new char[line.Length], out var valid, out _, replaceInvalidSequences: false);
            problems = [new FieldProblem("(line)", $"byte {valid + 1} is not UTF-8 (0x{line[valid]:X2}): save the file as UTF-8")];
            return null;
        }

        return ReadWellFormed(line) ?? Explain(Encoding.UTF8.GetString(line), out problems);
    }

    /// <summary>The athlete a line names, read without the rest of it; null when it names none.</summary>
    public static string? AthleteOf(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var athlete = reader.ValueTextEquals("athlete"u8);
                if (!reader.Read()) return null;
                if (athlete) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }

        return null;
    }

    /// <summary>
    /// A well-formed line in one pass: its type first, then only its envelope and its event's fields,
    /// each once. Null for anything else, which <see cref="Explain"/> then reads field by field.
    /// </summary>
    private static EventEnvelope? ReadWellFormed(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            if (!reader.Read() || !reader.ValueTextEquals("type"u8) || !reader.Read() || reader.TokenType != JsonTokenType.String) return null;
            if (!ByName.TryGetValue(reader.GetString()!, out var type)) return null;

            var fields = FieldsByType[type];
            var seen = new HashSet<string>(fields.Count + EnvelopeFields.Length);
            string? athlete = null, user = null, correlation = null;
            Guid? id = null;
            DateTimeOffset? recordedAt = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name) || !reader.Read()) return null;
                if (!EnvelopeFields.Contains(name))
                {
                    if (!fields.ContainsKey(name)) return null;
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String) return null;
                var text = reader.GetString()!;
                switch (name)
                {
                    case "athlete": athlete = text; break;
                    case "user": user = text; break;
                    case "correlation_id": correlation = text; break;
                    case "id" when Guid.TryParse(text, out var parsed): id = parsed; break;
                    case "recorded_at" when ParseInstant(text) is { } at: recordedAt = at; break;
                    default: return null;
                }
            }

            if (!Codes.IsSlug(athlete)) return null;
            var data = JsonSerializer.Deserialize(line, type, Strict);
            return data is null ? null : new EventEnvelope(athlete!, data, id, recordedAt, user, correlation);
        }
        // A string that is no UTF-16 (a lone surrogate's escape) cannot be read as one: Explain names its field.
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads a line field by field, naming every field that is wrong.</summary>
    private static EventEnvelope? Explain(string line, out IReadOnlyList<FieldProblem> problems)
    {
        var found = new List<FieldProblem>();
        problems = found;

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject;
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

        var fields = FieldsByType[type];
        foreach (var (name, value) in json)
        {
            if (EnvelopeFields.Contains(name)) continue;
            if (!fields.TryGetValue(name, out var field)) found.Add(new FieldProblem(name, $"is not a field of {typeName}"));
            else if (value is null) { if (field.Required) found.Add(new FieldProblem(name, "is required and cannot be null")); }
            else if (Problem(value, field) is { } problem) found.Add(new FieldProblem(name, problem));
        }

        foreach (var (name, field) in fields)
            if (field.Required && !json.ContainsKey(name)) found.Add(new FieldProblem(name, $"is required for {typeName}"));

        var envelope = ReadEnvelope(json, found);
        if (found.Count > 0) return null;

        var data = new JsonObject(json.Where(f => !EnvelopeFields.Contains(f.Key)).Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())));
        return envelope with { Athlete = athlete!, Data = data.Deserialize(type, Options)! };
    }

    /// <summary>
    /// Why a field's value cannot be read as its type, or is wrong on its own once read (<see cref="FieldRules"/>):
    /// field by field, so every bad value is named.
    /// </summary>
    private static string? Problem(JsonNode value, EventField field)
    {
        var type = field.Type;
        try
        {
            return FieldRules.ProblemWith(field.Name, value.Deserialize(type, Options));
        }
        catch (InvalidOperationException)
        {
            return FieldRules.NotText;
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
        foreach (var (name, value) in FieldsOf(envelope.Data))
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
    public static Guid IdentityOf(EventEnvelope envelope) => envelope.Id ?? IdentityOf(envelope, DataJson(envelope));

    /// <summary>The event's fields as this format writes them, in UTF-8: what the store keeps.</summary>
    public static byte[] DataJson(EventEnvelope envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope.Data, envelope.Data.GetType(), Options);

    /// <summary>
    /// The fields that tell one fact from another: a default said aloud is the same fact as one left
    /// out (a result is record-eligible unless it says false), as this format writes them.
    /// </summary>
    public static JsonObject FactFields(object data) => FieldsOf(Fact(data));

    /// <summary>An event's fields as this format writes them (nulls left out), for views and tables that show them.</summary>
    public static JsonObject FieldsOf(object data) => JsonSerializer.SerializeToNode(data, data.GetType(), Options)!.AsObject();

    private static object Fact(object data) => data is ResultRecorded { RecordEligible: true } eligible ? eligible with { RecordEligible = null } : data;

    /// <summary><see cref="IdentityOf(EventEnvelope)"/> for a caller that holds the <see cref="DataJson"/> already.</summary>
    public static Guid IdentityOf(EventEnvelope envelope, ReadOnlySpan<byte> dataJson)
    {
        if (envelope.Id is { } id) return id;
        var fact = Fact(envelope.Data);
        if (!ReferenceEquals(fact, envelope.Data)) return IdentityOf(envelope with { Data = fact });
        var prefix = $"{envelope.Athlete}\n{envelope.Type}\n";
        var canonical = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(prefix.Length) + dataJson.Length);
        var length = Encoding.UTF8.GetBytes(prefix, canonical);
        dataJson.CopyTo(canonical.AsSpan(length));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(canonical.AsSpan(0, length + dataJson.Length), hash);
        ArrayPool<byte>.Shared.Return(canonical);
        // Shaped as an RFC 9562 version 8 (custom) UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
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
            if (ParseInstant(atText) is { } at) recordedAt = at;
            else found.Add(new FieldProblem("recorded_at", $"'{atText}' is not an ISO 8601 instant"));
        }

        return new EventEnvelope("", new object(), id, recordedAt, Text(json, "user"), Text(json, "correlation_id"));
    }

    private static DateTimeOffset? ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static string? Text(JsonObject json, string name)
    {
        try
        {
            return json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        }
        catch (InvalidOperationException)
        {
            return null; // not text, which the field's own look names
        }
    }

    /// <summary>The fields of an event type, in the order its record declares them.</summary>
    public static IReadOnlyCollection<EventField> Fields(Type type) => FieldsByType[type].Values;

    /// <summary>The snake_case fields of each event type, with each one's type and whether it is required (no default).</summary>
    private static readonly Dictionary<Type, Dictionary<string, EventField>> FieldsByType = EventTypes.ToDictionary(
        type => type,
        type => type.GetConstructors().MaxBy(c => c.GetParameters().Length)!.GetParameters()
            .Select(p => new EventField(JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!), p.ParameterType, !p.HasDefaultValue, type.GetProperty(p.Name!)!))
            .ToDictionary(f => f.Name));

    /// <summary>
    /// A value type written as text in JSON, refused with the type's own message when malformed; one
    /// that may look like a number (a mark of points or metres) is read from a JSON number too.
    /// </summary>
    private sealed class TextConverter<T>(TextConverter<T>.TryParse parse, bool numbersToo = false) : JsonConverter<T>
    {
        public delegate bool TryParse(string? text, out T value, out string error);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number when numbersToo => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => throw new JsonException($"{typeof(T).Name.ToLowerInvariant()} must be a string"),
            };
            return parse(text, out var value, out var error) ? value : throw new JsonException(error);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value!.ToString());
    }

    /// <summary>A wind reading is a JSON number (<c>0.9</c>, <c>-0.3</c>); text as printed (<c>"+0.9"</c>) is read too.</summary>
    private sealed class WindConverter : JsonConverter<Wind>
    {
        public override Wind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => throw new JsonException("wind must be a number of m/s, like 0.9 or -0.3"),
            };
            return Wind.TryParse(text, out var wind, out var error) ? wind : throw new JsonException(error);
        }

        public override void Write(Utf8JsonWriter writer, Wind value, JsonSerializerOptions options) => writer.WriteNumberValue(value.MetresPerSecond);
    }
}
