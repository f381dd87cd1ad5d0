using System.Text.Json;
using Shouldly;

namespace Ledger.Domain.Tests;

public sealed class MarkTests
{
    [Theory]
    [InlineData("2:08:50", 773_000)]
    [InlineData("1:02:10", 373_000)]
    [InlineData("14:12.86", 85_286)]
    [InlineData("29:17.72", 175_772)]
    [InlineData("30:08", 180_800)]
    [InlineData("14:12.8", 85_280)]
    public void A_mark_is_held_to_the_hundredth_and_printed_as_written(string text, long hundredths)
    {
        var mark = Mark.Parse(text);

        mark.Hundredths.ShouldBe(hundredths);
        mark.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("2:61:00", "61 minutes")]
    [InlineData("2:08:61", "61 seconds")]
    [InlineData("fast", "not a mark like")]
    [InlineData("-1:00", "negative")]
    [InlineData("0:00", "zero")]
    [InlineData("65:00", "h:mm:ss")]
    [InlineData("2:8:50", "not a mark like")]
    [InlineData("", "empty")]
    public void A_bad_mark_is_refused_naming_the_value_and_why(string text, string why)
    {
        Mark.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(why);
        if (text.Length > 0) error.ShouldContain($"'{text}'");
    }

    [Fact]
    public void Marks_compare_as_durations_whatever_their_style()
    {
        var marathon = Discipline.Parse("marathon");
        marathon.Beats(Mark.Parse("2:08:50"), Mark.Parse("2:09:26")).ShouldBeTrue();
        Mark.Parse("30:08").ShouldBe(Mark.Parse("30:08.00"));
        Mark.Parse("9.58").ShouldBe(Mark.Parse("0:09.58"));
        new[] { Mark.Parse("14:12.86"), Mark.Parse("14:12.8"), Mark.Parse("14:16.48") }.Order(Discipline.Parse("5000m").BetterFirst)
            .First().ToString().ShouldBe("14:12.8");
    }
}

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2014-12-07")]
    [InlineData("2014-12")]
    [InlineData("2014")]
    [InlineData("2024-02-29")]
    public void A_date_is_kept_as_precise_as_it_was_given(string text) => PartialDate.Parse(text).ToString().ShouldBe(text);

    [Theory]
    [InlineData("2026-02-30", "February 2026 has 28 days")]
    [InlineData("2023-02-29", "February 2023 has 28 days")]
    [InlineData("2026-13", "month 13")]
    [InlineData("2026-00", "month 0")]
    [InlineData("26-01-01", "not YYYY-MM-DD")]
    [InlineData("yesterday", "not YYYY-MM-DD")]
    public void A_date_that_cannot_be_is_refused_naming_the_value_and_why(string text, string why)
    {
        PartialDate.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(why);
        error.ShouldContain($"'{text}'");
    }

    [Theory]
    [InlineData("2014-12-07", "2014-12-06", false)]
    [InlineData("2014-12-07", "2014-12-07", true)]
    [InlineData("2014-12", "2014-12-15", false)]
    [InlineData("2014-12", "2014-12-31", true)]
    [InlineData("2014", "2014-12-30", false)]
    [InlineData("2014", "2014-12-31", true)]
    [InlineData("2024-02", "2024-02-29", true)]
    public void A_date_counts_for_as_of_from_the_last_day_it_could_be(string date, string asOf, bool known) =>
        PartialDate.Parse(date).IsOnOrBefore(DateOnly.Parse(asOf)).ShouldBe(known);

    [Fact]
    public void Dates_sort_by_their_first_day_the_vaguer_first() =>
        new[] { "2014-12-07", "2014-12", "2014", "2013-06-01" }.Select(PartialDate.Parse).Order().Select(d => d.ToString())
            .ShouldBe(["2013-06-01", "2014", "2014-12", "2014-12-07"]);
}

public sealed class CodesAndFormatTests
{
    [Theory]
    [InlineData("marathon", true)]
    [InlineData("10000m", true)]
    [InlineData("3000m-steeplechase", true)]
    [InlineData("Marathon", false)]
    [InlineData("10 km", false)]
    [InlineData("", false)]
    public void A_discipline_is_a_lower_case_code(string code, bool valid) => Discipline.TryParse(code, out _, out _).ShouldBe(valid);

    [Theory]
    [InlineData("olympic_games", true)]
    [InlineData("diamond_league", false)]
    public void A_championship_is_one_of_the_known_series(string code, bool valid) => Championship.TryParse(code, out _, out _).ShouldBe(valid);

    [Fact]
    public void A_line_reads_into_its_event_and_writes_back_the_same()
    {
        const string line =
            """{"type":"result_recorded","athlete":"bat-ochir-ser-od","result_id":"2014-fukuoka","date":"2014-12-07","competition":"Fukuoka Marathon",""" +
            """
            "discipline":"marathon","status":"finished","mark":"2:08:50","place":4,"championship":"asian_games"}
            """;

        var envelope = EventFormat.Parse(line, out var problems)!;

        problems.ShouldBeEmpty();
        var result = envelope.Data.ShouldBeOfType<ResultRecorded>();
        (result.Mark!.Value.ToString(), result.Place, result.Championship!.Value.Code).ShouldBe(("2:08:50", 4, "asian_games"));
        JsonDocument.Parse(EventFormat.Write(envelope)).RootElement.ToString().ShouldBe(JsonDocument.Parse(line).RootElement.ToString());
    }

    [Fact]
    public void Every_bad_field_of_a_line_is_named()
    {
        const string line =
            """{"type":"result_recorded","athlete":"x","result_id":"a","date":"2026-02-30","discipline":"marathon","status":"won","mark":"2:61:00","plac":3}""";

        EventFormat.Parse(line, out var problems).ShouldBeNull();

        problems.Select(p => p.Field).ShouldBe(["date", "status", "mark", "plac", "competition"], ignoreOrder: true);
    }

    [Fact]
    public void The_same_fact_laid_out_differently_has_the_same_identity()
    {
        var a = EventFormat.Parse("""{"type":"club_joined","athlete":"x","club":"Morpeth Harriers","date":"2009-04"}""", out _)!;
        var b = EventFormat.Parse("""{ "date": "2009-04", "club": "Morpeth Harriers", "athlete": "x", "type": "club_joined" }""", out _)!;
        var c = EventFormat.Parse("""{"type":"club_joined","athlete":"x","club":"Gateshead Harriers","date":"2009-04"}""", out _)!;

        EventFormat.IdentityOf(a).ShouldBe(EventFormat.IdentityOf(b));
        EventFormat.IdentityOf(a).ShouldNotBe(EventFormat.IdentityOf(c));
    }

    [Fact]
    public void A_default_said_aloud_gives_the_fact_the_identity_it_has_left_out()
    {
        const string result =
            """{"type":"result_recorded","athlete":"x","result_id":"a","date":"2026-04-12","competition":"Rotterdam Marathon",""" +
            """
            "discipline":"marathon","status":"finished","mark":"2:07:59"}
            """;
        EventEnvelope Saying(string eligible) => EventFormat.Parse(result.Replace("\"status\"", $"\"record_eligible\":{eligible},\"status\""), out _)!;

        EventFormat.IdentityOf(Saying("true")).ShouldBe(EventFormat.IdentityOf(EventFormat.Parse(result, out _)!));
        EventFormat.IdentityOf(Saying("false")).ShouldNotBe(EventFormat.IdentityOf(EventFormat.Parse(result, out _)!));
    }

    [Fact]
    public void A_fact_keeps_the_identity_it_was_first_imported_under()
    {
        // Derived from the athlete, type and fields: were it to change, re-importing a file would append it again.
        var joined = EventFormat.Parse("""{"type":"club_joined","athlete":"x","club":"Morpeth Harriers","date":"2009-04"}""", out _)!;

        EventFormat.IdentityOf(joined).ShouldBe(Guid.Parse("88ba22d7-eaa1-8f4d-a1e8-9a09d90c613d"));
    }

    [Theory]
    [InlineData("""{"type":"club_joined","athlete":"x","date":"2009"}""", "club")]
    [InlineData("""{"type":"club_joined","athlete":"x","club":null,"date":"2009"}""", "club")]
    [InlineData("""{"type":"club_joined","athlete":"x","club":"A","date":"2009","id":"not-a-uuid"}""", "id")]
    [InlineData("""{"type":"club_joined","athlete":"X","club":"A","date":"2009"}""", "athlete")]
    [InlineData("""{"type":"club_joined","athlete":"x","club":"A","date":"2009","city":7}""", "city")]
    public void A_line_in_the_usual_layout_is_checked_as_closely_as_any_other(string line, string field)
    {
        EventFormat.Parse(line, out var problems).ShouldBeNull();

        problems.Select(p => p.Field).ShouldContain(field);
    }

    [Fact]
    public void A_field_given_twice_is_refused_by_name()
    {
        EventFormat.Parse("""{"type":"club_joined","athlete":"x","club":"A","club":"B","date":"2009"}""", out var problems).ShouldBeNull();

        problems.ShouldHaveSingleItem().Message.ShouldContain("'club'");
    }
}
