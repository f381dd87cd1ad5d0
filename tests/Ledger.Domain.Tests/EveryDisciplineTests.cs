using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>
/// Sprints, jumps, throws and combined events, with wind and indoor marks, as a statistician reads
/// them: each discipline's kind of mark and direction, and World Athletics' wind rule.
/// </summary>
public sealed class EveryDisciplineTests
{
    private static Career Athlete(Sex sex = Sex.Men, params object[] events)
    {
        var career = new Career { Id = "athlete" };
        career.Fold(new AthleteRegistered("An Athlete", "JAM", sex));
        foreach (var e in events) career.Fold(e);
        return career;
    }

    private static ResultRecorded Result(string id, string discipline, string mark, string date = "2024-06-01", double? wind = null, bool indoor = false) =>
        new(id, PartialDate.Parse(date), $"Meeting {id}", Discipline.Parse(discipline), ResultStatus.Finished, Mark.Parse(mark),
            Wind: wind is { } w ? Wind.Parse(w.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null, Indoor: indoor ? true : null);

    private static Func<RecordList, RecordContext> Standing(string discipline, string mark) =>
        Contexts.National(new RecordEntry(Mark.Parse(mark), "someone", PartialDate.Parse("2010-01-01"), "Old meeting", "old", DateTimeOffset.UnixEpoch));

    [Fact]
    public void The_catalogue_keeps_the_existing_codes_and_says_which_way_is_better_by_kind()
    {
        Disciplines.All.Take(Discipline.Common.Count).Select(d => d.Code).ShouldBe(Discipline.Common);
        Disciplines.All.ShouldAllBe(d => (d.Kind == MarkKind.Time) == (d.Better == Better.Lower));
        Disciplines.All.Select(d => d.Code).ShouldBeUnique();
        Disciplines.All.Where(d => d.Wind).Select(d => d.Code)
            .ShouldBe(["60m", "100m", "200m", "60m-hurdles", "100m-hurdles", "110m-hurdles", "long-jump", "triple-jump"], ignoreOrder: true);
        Discipline.Parse("110mh").ShouldBe(Discipline.Parse("110m-hurdles"));
        Discipline.Parse("discus-throw").Code.ShouldBe("discus");
    }

    [Theory]
    [InlineData("100m", "9.58", 958)]
    [InlineData("400m", "43.03", 4303)]
    [InlineData("800m", "1:40.91", 10091)]
    [InlineData("long-jump", "8.95", 895)]
    [InlineData("high-jump", "2.45", 245)]
    [InlineData("javelin", "98.48", 9848)]
    [InlineData("decathlon", "9126", 912600)]
    [InlineData("beer-mile", "4:33.6", 27360)]
    public void A_mark_is_read_by_its_disciplines_kind(string discipline, string text, long hundredths)
    {
        var mark = Mark.Parse(text);

        Discipline.Parse(discipline).ProblemWith(mark).ShouldBeNull();
        mark.Hundredths.ShouldBe(hundredths);
        mark.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("400m", "75.30", "write a time of a minute or more as m:ss")]
    [InlineData("long-jump", "8:12", "not a distance in metres like 8.95")]
    [InlineData("pole-vault", "5:50", "not a height in metres like 2.45")]
    [InlineData("decathlon", "8500.5", "not points like 9126")]
    public void A_mark_of_the_wrong_kind_is_refused_naming_the_discipline(string discipline, string text, string why)
    {
        var problem = Rules.Check(Athlete(), Result("r", discipline, text)).ShouldHaveSingleItem();

        problem.Field.ShouldBe("mark");
        problem.Message.ShouldContain(why);
    }

    [Fact]
    public void Higher_is_better_for_jumps_throws_and_points_everywhere()
    {
        var career = Athlete(Sex.Men, Result("a", "long-jump", "8.12", wind: 1.1), Result("b", "long-jump", "8.05", wind: 0.3),
            Result("c", "decathlon", "8100"), Result("d", "decathlon", "8350"));

        career.PersonalBests().Select(b => (b.Discipline.Code, b.Mark.ToString())).ShouldBe([("long-jump", "8.12"), ("decathlon", "8350")]);
        Decisions.IsPersonalBest(career, "a").ShouldBeTrue();
        Decisions.IsPersonalBest(career, "b").ShouldBeFalse();
        career.BestEligible(Discipline.Parse("long-jump"), indoor: false).ShouldBe(Mark.Parse("8.12"));
        AthleteSummary.Of(career).BestEligible(Discipline.Parse("decathlon"), indoor: false).ShouldBe(Mark.Parse("8350"));

        Decisions.RecordResult(Athlete(), Result("x", "long-jump", "8.12", wind: 1.1), Standing("long-jump", "8.10"))
            .Events.OfType<NationalRecordSet>().ShouldHaveSingleItem();
        Decisions.RecordResult(Athlete(), Result("y", "long-jump", "8.05", wind: 0.3), Standing("long-jump", "8.10"))
            .Events.OfType<NationalRecordSet>().ShouldBeEmpty();
    }

    [Fact]
    public void A_wind_assisted_sprint_is_no_personal_best_and_no_record_but_shows_beside_the_legal_best()
    {
        var legal = Result("legal", "100m", "9.86", "2024-06-01", wind: 0.9);
        var assisted = Result("assisted", "100m", "9.79", "2024-07-01", wind: 2.4);
        var career = Athlete(Sex.Men, legal);

        Decisions.RecordResult(career, assisted, Contexts.National(null)).Events.ShouldHaveSingleItem().ShouldBe(assisted);
        career.Fold(assisted);

        var best = career.PersonalBests().ShouldHaveSingleItem();
        (best.Mark.ToString(), best.Wind.ToString(), best.ResultId).ShouldBe(("9.86", "+0.9", "legal"));
        best.WindAssistedBest!.Mark.ToString().ShouldBe("9.79");
        Decisions.IsPersonalBest(career, "assisted").ShouldBeFalse();
        Decisions.IsPersonalBest(career, "legal").ShouldBeTrue();
        career.ProfileAsOf(null).Races.Single(r => r.Result.ResultId == "assisted").PersonalBest.ShouldBeFalse();
        Conditions.Shown(assisted.Mark!.Value, assisted.Wind, false).ShouldBe("9.79w (+2.4)");
    }

    [Theory]
    [InlineData(2.0, true)]
    [InlineData(2.1, false)]
    [InlineData(-1.5, true)]
    [InlineData(null, false)]
    public void Only_a_legal_reading_lets_a_wind_measured_mark_stand_as_a_record(double? wind, bool eligible) =>
        (Result("r", "long-jump", "8.20", wind: wind).EligibleMark() is not null).ShouldBe(eligible);

    [Fact]
    public void A_wind_measured_mark_without_a_reading_is_a_personal_best_but_sets_no_record()
    {
        var noReading = Result("r", "200m", "19.90");
        var career = Athlete();

        Decisions.RecordResult(career, noReading, Contexts.National(null)).Events.ShouldHaveSingleItem();
        career.Fold(noReading);
        Decisions.IsPersonalBest(career, "r").ShouldBeTrue();
    }

    [Fact]
    public void Indoor_marks_are_bests_and_records_of_their_own()
    {
        var career = Athlete(Sex.Men, Result("out", "60m", "6.60"), Result("in", "60m", "6.50", indoor: true));

        career.PersonalBests().Select(b => (b.Mark.ToString(), b.Indoor)).ShouldBe([("6.60", false), ("6.50", true)]);
        career.BestEligible(Discipline.Parse("60m"), indoor: false).ShouldBeNull("an outdoor 60 m has a wind, and this one has no reading");
        career.BestEligible(Discipline.Parse("60m"), indoor: true).ShouldBe(Mark.Parse("6.50"));

        var record = Decisions.RecordResult(Athlete(), Result("new", "60m", "6.45", indoor: true), Standing("60m", "6.48"))
            .Events.OfType<NationalRecordSet>().ShouldHaveSingleItem();
        record.Indoor.ShouldBe(true);
        RecordList.Of(record)!.Key.ShouldBe("JAM/men/60m/indoor");
    }

    [Fact]
    public void A_correction_of_the_wind_that_makes_a_record_mark_assisted_rescinds_the_record()
    {
        var result = Result("jump", "long-jump", "8.40", wind: 1.8);
        var career = Athlete(Sex.Men, result, new NationalRecordSet(result.Discipline, result.Mark!.Value, result.Date, "JAM", Sex.Men, "jump"));

        var events = Decisions.CorrectResult(career, new ResultCorrected("jump", "gauge read again", Wind: Wind.Parse("+2.6")),
            Contexts.National(null)).Events;

        events.Select(e => e.GetType()).ShouldBe([typeof(ResultCorrected), typeof(NationalRecordRescinded)]);
        events.OfType<NationalRecordRescinded>().Single().Reason.ShouldContain("gauge read again");
    }

    [Theory]
    [InlineData("100m", "9.50", null, false)]
    [InlineData("100m", "9.58", 0.9, true)]
    [InlineData("long-jump", "9.00", 1.0, false)]
    [InlineData("long-jump", "8.99", 4.4, true)]
    [InlineData("long-jump", "9.20", 4.4, false)]
    [InlineData("decathlon", "9200", null, false)]
    [InlineData("decathlon", "8500", null, true)]
    public void A_legal_mark_is_judged_against_the_world_record_and_a_wind_assisted_one_with_a_margin(string discipline, string mark, double? wind,
        bool plausible) =>
        Rules.Check(Athlete(), Result("r", discipline, mark, wind: wind)).Any(p => p.Field == "mark").ShouldBe(!plausible);

    [Theory]
    [InlineData("400m", 0.5, false, "wind", "not measured in 400m")]
    [InlineData("60m", 0.5, true, "wind", "no wind indoors")]
    [InlineData("marathon", null, true, "indoor", "marathon is not held indoors")]
    public void Wind_and_indoor_are_refused_where_the_discipline_cannot_have_them(string discipline, double? wind, bool indoor, string field, string why)
    {
        var problem = Rules.Check(Athlete(), Result("r", discipline, discipline == "marathon" ? "2:10:00" : "46.00", wind: wind, indoor: indoor))
            .ShouldHaveSingleItem();

        (problem.Field, problem.Message.Contains(why)).ShouldBe((field, true), problem.Message);
    }

    [Fact]
    public void Wind_is_written_as_a_number_and_read_from_a_number_or_as_printed()
    {
        var line = EventFormat.Write(new EventEnvelope("athlete", Result("r", "100m", "9.86", wind: 0.9)));
        line.ShouldContain("\"wind\":0.9");

        foreach (var wind in new[] { "2.4", "\"+2.4\"", "2.40" })
        {
            var read = EventFormat.Parse(
                $$"""{"type":"result_recorded","athlete":"a","result_id":"r","date":"2024-06-01",""" +
                $$"""
                "competition":"C","discipline":"100m","status":"finished","mark":"9.79","wind":{{wind}}}
                """,
                out var problems);
            problems.ShouldBeEmpty();
            ((ResultRecorded)read!.Data).Wind.ShouldBe(Wind.Parse("+2.4"));
        }

        EventFormat.Parse("""{"type":"best_mark_reported","athlete":"a","discipline":"decathlon","mark":8350,"date":"2024"}""", out _)!.Data
            .ShouldBeOfType<BestMarkReported>().Mark.ShouldBe(Mark.Parse("8350"));
        EventFormat.Parse(
            """{"type":"result_recorded","athlete":"a","result_id":"r","date":"2024-06-01",""" +
            """
            "competition":"C","discipline":"100m","status":"finished","mark":"9.79","wind":"strong"}
            """,
            out var refused);
        refused.ShouldHaveSingleItem().Field.ShouldBe("wind");
    }

    [Theory]
    [InlineData("marathon", "2:08:50", null, false, "")]
    [InlineData("60m", "6.45", null, true, "i: indoors.")]
    [InlineData("100m", "9.86", 0.9, false, "The wind in m/s in brackets.")]
    [InlineData("100m", "9.79", 2.4, false, "w: wind-assisted (over +2.0 m/s). The wind in m/s in brackets.")]
    public void A_list_of_bests_explains_only_the_signs_its_marks_carry(string discipline, string mark, double? wind, bool indoor, string legend) =>
        Conditions.Legend(Athlete(Sex.Men, Result("r", discipline, mark, wind: wind, indoor: indoor)).PersonalBests()).ShouldBe(legend);
}
