using System.Text;
using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>Input refused as a user would want it: every wrong field at once, text of a sane length, UTF-8 only, disciplines that exist.</summary>
public sealed class FieldRuleTests
{
    private static IReadOnlyList<FieldProblem> ProblemsOf(string line)
    {
        EventFormat.Parse(line, out var problems).ShouldBeNull();
        return problems;
    }

    private const string Result = """{"type":"result_recorded","athlete":"bat-ochir-ser-od","result_id":"x","status":"finished","discipline":"marathon",""";

    [Fact]
    public void A_malformed_field_does_not_hide_another_fields_rule()
    {
        var problems = ProblemsOf(Result + """ "date":"2026-02-30","competition":"X","mark":"2:61:00","place":-3}""");

        problems.Select(p => p.Field).ShouldBe(["date", "mark", "place"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("competition", 200, null)]
    [InlineData("competition", 201, "at most 200")]
    [InlineData("notes", 2000, null)]
    [InlineData("notes", 2001, "at most 2,000")]
    public void Text_beyond_its_fields_length_is_refused_naming_the_field(string field, int length, string? refusal)
    {
        var line = Result + $$""" "date":"2024-08-11","competition":"X","mark":"2:10:00","{{field}}":"{{new string('a', length)}}"}""";
        if (field == "competition") line = line.Replace("\"competition\":\"X\",", "");

        var envelope = EventFormat.Parse(line, out var problems);
        var career = new Career { Id = "bat-ochir-ser-od" };
        career.Fold(new AthleteRegistered("Bat-Ochir Ser-Od", "MGL", Sex.Men));
        var all = envelope is null ? problems : Rules.Check(career, envelope.Data);

        if (refusal is null) all.ShouldBeEmpty();
        else all.ShouldHaveSingleItem().ShouldSatisfyAllConditions(p => p.Field.ShouldBe(field), p => p.Message.ShouldContain(refusal));
    }

    [Fact]
    public void A_line_in_latin_1_is_refused_at_its_first_byte_that_is_not_utf_8()
    {
        var line = Encoding.Latin1.GetBytes("""{"type":"athlete_registered","athlete":"jan-muller","name":"Jan Müller","country":"GER","sex":"men"}""");

        EventFormat.Parse(line, out var problems).ShouldBeNull();

        problems.ShouldHaveSingleItem().Message.ShouldStartWith("byte 66 is not UTF-8 (0xFC)");
    }

    [Fact]
    public void A_discipline_the_catalogue_does_not_hold_is_refused_naming_the_closest_unless_said_to_be_new()
    {
        var career = new Career { Id = "bat-ochir-ser-od" };
        career.Fold(new AthleteRegistered("Bat-Ochir Ser-Od", "MGL", Sex.Men));
        var misspelt = new ResultRecorded("x", PartialDate.Parse("2024-08-11"), "X", Discipline.Parse("marathn"), ResultStatus.Finished, Mark.Parse("2:10:00"));

        var refused = Should.Throw<Refused>(() => Decisions.RecordResult(career, misspelt, Contexts.National(null)));
        refused.Problems.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Field.ShouldBe("discipline"), p => p.Message.ShouldContain("the closest are marathon"));

        var own = Decisions.RecordResult(career, misspelt with { NewDiscipline = true }, Contexts.National(null));
        own.Events.OfType<ResultRecorded>().ShouldHaveSingleItem();
        var again = misspelt with { ResultId = "y", Date = PartialDate.Parse("2024-09-01") };
        Decisions.RecordResult(own.After, again, Contexts.National(null)).Events.OfType<ResultRecorded>().ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\udc00")]
    [InlineData("a\\ud800b")]
    public void A_nul_or_a_lone_surrogate_in_text_is_refused_naming_the_field(string escaped)
    {
        var line = $$"""{"type":"athlete_registered","athlete":"jan-muller","name":"Jan{{escaped}}","country":"GER","sex":"men"}""";
        var career = new Career { Id = "jan-muller" };

        var problems = EventFormat.Parse(line, out var unread) is { } envelope ? Rules.Check(career, envelope.Data) : unread;

        problems.ShouldHaveSingleItem().Field.ShouldBe("name");
    }

    [Fact]
    public void Emoji_and_every_script_are_text()
    {
        FieldRules.IsText("Бат-Очир 🏃‍♂️ Müller 李").ShouldBeTrue();
    }

    [Theory]
    [InlineData("XYZ", "is no IOC code of a World Athletics member")]
    [InlineData("KENYA", "is not a three-letter IOC code")]
    [InlineData("mgl", null)]
    [InlineData("URS", null)]
    [InlineData("AIN", null)]
    public void A_country_is_one_of_the_list_a_member_a_former_country_or_a_neutral_team(string country, string? refusal)
    {
        var problem = FieldRules.ProblemWith("country", country);

        if (refusal is null) problem.ShouldBeNull();
        else problem.ShouldNotBeNull().ShouldContain(refusal);
        Countries.All.Count(c => c.Kind is null).ShouldBe(214);
    }

    [Fact]
    public void Every_member_belongs_to_one_of_the_six_areas_as_many_as_each_area_counts()
    {
        Countries.All.Where(c => c.Kind is null).CountBy(c => c.Area ?? "").OrderBy(a => a.Key).ShouldBe(
        [
            new("africa", 54), new("asia", 45), new("europe", 51), new("nacac", 31), new("oceania", 20), new("south-america", 13),
        ]);
        Countries.All.Where(c => c.Kind is not null).ShouldAllBe(c => c.Area == null);
    }

    [Theory]
    [InlineData("bat-ochir-ser-od\n")]
    [InlineData("MGL\n")]
    public void A_code_with_a_line_break_after_it_is_no_code(string code)
    {
        Codes.IsSlug(code).ShouldBeFalse();
        Codes.IsCountry(code).ShouldBeFalse();
        Codes.Country(code).ShouldBe(code);
    }
}
