using System.Buffers;
using System.Text;

namespace Ledger.Domain;

/// <summary>
/// The rules that judge a field by its value alone, whatever else the event holds. They run on every
/// field that could be read even when another could not (<see cref="EventFormat"/>), so one refusal
/// names every wrong field: a malformed date does not hide a place of -3.
/// </summary>
public static class FieldRules
{
    /// <summary>The most characters a text field holds; more is a mistake (a file read as one line, a pasted page), not a name.</summary>
    public const int TextLimit = 200;

    /// <summary>The most characters of the fields that hold prose: notes, a source, a reason.</summary>
    public const int ProseLimit = 2000;

    private static readonly HashSet<string> Prose = ["notes", "source", "reason"];

    /// <summary>The text fields that must say something when they are given: a blank one says nothing.</summary>
    private static readonly HashSet<string> NotBlank = ["name", "competition", "reason", "club", "honour", "occasion"];

    /// <summary>What is said of a value that is not text: JSON's escapes can say what no UTF-8 file can.</summary>
    public const string NotText = "holds a character no text may: a NUL, or half of a surrogate pair (\\ud800 alone)";

    public static int LimitOf(string field) => Prose.Contains(field) ? ProseLimit : TextLimit;

    /// <summary>What is wrong with this value of this field on its own, if anything.</summary>
    public static string? ProblemWith(string field, object? value) => (field, value) switch
    {
        (_, string text) when text.Length > LimitOf(field) => $"is {text.Length:N0} characters long; it holds at most {LimitOf(field):N0}",
        (_, string text) when !IsText(text) => NotText,
        (_, string text) when NotBlank.Contains(field) && string.IsNullOrWhiteSpace(text) => $"a {field} is required",
        ("result_id", string id) when !Codes.IsSlug(id) => $"result id '{id}' is not lower-case letters, digits and '-'",
        ("country", string country) when !Codes.IsCountry(Codes.Country(country)) => $"country '{country}' is not a three-letter IOC code like MGL",
        ("country", string country) when !Countries.Known(Codes.Country(country)) =>
            $"country '{country}' is no IOC code of a World Athletics member, a former country or a neutral team (docs/event-format.md lists them)",
        ("scope", string scope) when RecordScopes.ProblemWith(RecordScopes.Normalized(scope)) is { } problem => problem,
        ("scope", string scope) when RecordScopes.IsCountry(RecordScopes.Normalized(scope)) && !Countries.Known(RecordScopes.Normalized(scope)) =>
            $"scope '{scope}' is no IOC code of a World Athletics member, a former country or a neutral team",
        ("place" or "overall_place", int place) when place <= 0 => $"place {place} is not a place; places start at 1",
        (_, PartialDate date) when date.FirstDay > Today => $"{field} {date} is after today ({Today:yyyy-MM-dd})",
        _ => null,
    };

    /// <summary>Every field of an event that is wrong on its own.</summary>
    public static IEnumerable<FieldProblem> Check(object @event) =>
        from field in EventFormat.Fields(@event.GetType())
        let problem = ProblemWith(field.Name, field.Value(@event))
        where problem is not null
        select new FieldProblem(field.Name, problem);

    /// <summary>
    /// Whether a string is text PostgreSQL and JSON can keep: no NUL, and no lone surrogate, which a JSON
    /// escape (<c>\udc00</c>) can bring but no UTF-8 can write.
    /// </summary>
    public static bool IsText(string text)
    {
        if (text.Contains('\0')) return false;
        for (var rest = text.AsSpan(); rest.IndexOfAnyInRange('\ud800', '\udfff') is var at and >= 0;)
        {
            if (Rune.DecodeFromUtf16(rest[at..], out _, out var read) != OperationStatus.Done) return false;
            rest = rest[(at + read)..];
        }

        return true;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
