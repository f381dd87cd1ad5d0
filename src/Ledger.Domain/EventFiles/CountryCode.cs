using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledger.Domain;

/// <summary>
/// An event's country code, read in any case and kept as <see cref="Codes.Country"/> gives it: <c>"mgl"</c> is MGL in an
/// event file, a command's flags and a request's body alike. It is read before the event exists, so the event's identity,
/// made from its fields as kept, is the same however the code was written, and an import stays idempotent.
/// </summary>
public sealed class CountryCode : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Codes.Country(reader.GetString()!) : throw new JsonException("a country must be a string, like MGL");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
