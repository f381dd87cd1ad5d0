using CsCheck;
using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>
/// The event-line reader on generated lines, good and bad: every line is either refused with each
/// problem named by its field, or read into an event that the export format writes back, and that
/// reads again into the very same event and the very same line.
/// </summary>
public sealed class EventLineProperties
{
    // Each field's candidates as JSON text: good values first, then malformed ones and wrong types;
    // null leaves the field out (good where it is optional, bad where it is required).
    private static readonly Dictionary<string, (string?[] Good, string?[] Bad)> Values = new()
    {
        ["athlete"] = (["\"bat-ochir-ser-od\"", "\"a1\""], ["\"Bat Ochir\"", "\"\"", "7", null]),
        ["name"] = (["\"Бат-Очирын Сэр-Од\"", "\"O'Brien \\\"the Flyer\\\"\""], ["\"\"", "null", "[]", null]),
        ["country"] = (["\"MGL\""], ["\"mgl\"", "\"MONGOLIA\"", "1", null]),
        ["sex"] = (["\"men\"", "\"women\""], ["\"Men\"", "\"mixed\"", "0", null]),
        ["born"] = (["\"1981-10-07\"", "\"1981\"", null], ["\"1981-02-30\"", "\"07/10/1981\""]),
        ["result_id"] = (["\"fukuoka-2014\"", "\"x\""], ["\"Fukuoka 2014\"", "12", null]),
        ["date"] = (["\"2014-12-07\"", "\"2014-12\"", "\"2014\""], ["\"2014-13-01\"", "\"2014-12-7\"", "20141207", null]),
        ["competition"] = (["\"Fukuoka Marathon\""], ["\"\"", "false", null]),
        ["discipline"] = (["\"marathon\"", "\"10000m\"", "\"half-marathon\""], ["\"Marathon\"", "\"100 m\"", "5000", null]),
        ["status"] = (["\"finished\"", "\"dnf\"", "\"dns\"", "\"dq\""], ["\"won\"", "1", null]),
        ["mark"] = (["\"2:08:50\"", "\"14:12.86\"", "\"30:08\"", null], ["\"2:61:00\"", "\"fast\"", "7730"]),
        ["place"] = (["1", "12", null], ["0", "-3", "\"3\"", "1.5"]),
        ["championship"] = (["\"olympic_games\"", null], ["\"Olympics\"", "3"]),
        ["record_eligible"] = (["true", "false", null], ["\"yes\""]),
        ["new_world_record"] = (["true", "false", null], ["1"]),
        ["reason"] = (["\"timing error\""], ["\"\"", "[]", null]),
        ["club"] = (["\"Khangarid\""], ["\"\"", "{}", null]),
        ["honour"] = (["\"flag_bearer\""], ["\"\"", null]),
        ["occasion"] = (["\"2012 Olympic Games\""], ["42", null]),
        ["venue"] = (["\"Fukuoka, Japan\"", null], ["1"]),
        ["surprise"] = ([null], ["\"an unknown field\""]),
    };

    private static readonly Dictionary<string, string[]> FieldsOf = new()
    {
        ["athlete_registered"] = ["athlete", "name", "country", "sex", "born", "surprise"],
        ["result_recorded"] =
        [
            "athlete", "result_id", "date", "competition", "discipline", "status", "mark", "place", "championship", "record_eligible", "new_world_record",
            "venue", "surprise",
        ],
        ["best_mark_reported"] = ["athlete", "discipline", "mark", "date", "new_world_record", "surprise"],
        ["result_corrected"] = ["athlete", "result_id", "reason", "mark", "date", "place", "venue", "new_world_record", "surprise"],
        ["result_annulled"] = ["athlete", "result_id", "reason", "surprise"],
        ["club_joined"] = ["athlete", "club", "date", "surprise"],
        ["honour_awarded"] = ["athlete", "honour", "occasion", "date", "surprise"],
        ["no_such_event"] = ["athlete", "date"],
    };

    /// <summary>A type and, for each of its fields, a good candidate four times in five, else a bad one.</summary>
    private static readonly Gen<string> Line =
        from type in Gen.OneOf(FieldsOf.Keys.ToArray())
        from picks in Gen.Int[0, 999].Array[FieldsOf[type].Length]
        select "{\"type\":\"" + type + "\"" + string.Concat(FieldsOf[type].Zip(picks, (field, pick) => (field, Value: Pick(Values[field], pick)))
            .Where(f => f.Value is not null).Select(f => $",\"{f.field}\":{f.Value}")) + "}";

    private static string? Pick((string?[] Good, string?[] Bad) candidates, int pick) =>
        pick % 5 < 4 ? candidates.Good[pick / 5 % candidates.Good.Length] : candidates.Bad[pick / 5 % candidates.Bad.Length];

    [Fact]
    public void Every_line_is_refused_field_by_field_or_written_back_as_the_same_event()
    {
        var accepted = 0;
        Line.Sample(line =>
        {
            var envelope = EventFormat.Parse(line, out var problems);
            if (envelope is null || problems.Count > 0)
            {
                problems.ShouldNotBeEmpty(line);
                problems.ShouldAllBe(p => p.Field.Length > 0 && p.Message.Length > 0, line);
                return;
            }

            accepted++;
            var written = EventFormat.Write(envelope);
            var again = EventFormat.Parse(written, out var problemsAgain).ShouldNotBeNull(written);
            problemsAgain.ShouldBeEmpty(written);
            (again.Athlete, again.Data).ShouldBe((envelope.Athlete, envelope.Data), line);
            EventFormat.Write(again).ShouldBe(written, line);
        }, iter: 5_000, seed: "0N0XIzNsQ0O2");

        accepted.ShouldBeGreaterThan(50, "a property over refusals alone would say nothing of what is written back");
    }
}
