using System.Globalization;
using System.Text.Json.Nodes;
using JasperFx.CommandLine.Parsing.Generated;
using JasperFx.CommandLine.Parsing;
using Ledger.Store.Commanding;

namespace Ledger.Cli.Writing;

/// <summary>
/// How JasperFx reads a write verb: its own arguments and flags (<see cref="WriteInput"/>), then each field of
/// the command's event, as an argument where the write declares it one, else as a flag named for it
/// (<c>overall_place</c> is <c>--overall-place</c>). A flag sets the field as typed, for the event's reader to
/// judge; a whole number is a JSON number, a switch is true, and a field true when left out has a
/// <c>--not-</c> switch instead (<c>--not-record-eligible</c>); a field may offer a switch for one value (<c>--women-only</c>).
/// </summary>
public sealed class WriteFlags(Write write) : IGeneratedInputParser
{
    public Type InputType { get; } = typeof(WriteInput<>).MakeGenericType(write.Command);

    public List<ITokenHandler> BuildHandlers()
    {
        var fields = EventFormat.Fields(write.Event).ToDictionary(f => f.Name);
        return
        [
            .. InputParser.GetHandlers(typeof(WriteInput)),
            .. write.Arguments.Select(name => Argument(fields[name])),
            .. fields.Values.Where(f => !write.Arguments.Contains(f.Name)).Select(Flag),
            .. fields.Values.Where(f => f.Switch is not null).Select(Switch),
        ];
    }

    private static GeneratedArgument<string> Argument(EventField field) =>
        new(field.Property.Name, field.Description, (input, text) => Set(input, field, text), text => text);

    private static ITokenHandler Flag(EventField field)
    {
        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        if (type == typeof(bool))
        {
            var negated = field.TrueWhenLeftOut;
            return new GeneratedBooleanFlag($"{field.Property.Name}Flag", negated ? $"Not {Kebab(field.Name)}: {field.Description}" : field.Description,
                Aliases((negated ? "not-" : "") + field.Name), input => Set(input, field, !negated));
        }

        return new GeneratedFlag<string>($"{field.Property.Name}Flag", field.Description, Aliases(field.Name),
            (input, text) => Set(input, field,
                type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : text),
            text => text);
    }

    /// <summary>A field's switch for one of its values (<c>--women-only</c> for <c>race: women_only</c>).</summary>
    private static ITokenHandler Switch(EventField field) =>
        new GeneratedBooleanFlag($"{field.Property.Name}Switch", $"{field.Name} {field.Switch!.Value}", Aliases(field.Switch.Name),
            input => Set(input, field, field.Switch.Value));

    private static FlagAliases Aliases(string name) => new() { LongForm = "--" + Kebab(name), ShortForm = "", LongFormOnly = true };

    private static string Kebab(string name) => name.Replace('_', '-');

    private static void Set(object input, EventField field, JsonNode value) => ((WriteInput)input).Fields[field.Name] = value;
}
