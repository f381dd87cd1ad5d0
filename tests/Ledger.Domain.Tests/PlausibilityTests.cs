using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>
/// What the rules refuse as implausible, whoever writes it: nothing after today, no mark faster than the world record unless it
/// says it is one.
/// </summary>
public sealed class PlausibilityTests
{
    private static readonly PartialDate NextYear = PartialDate.Parse($"{DateTime.UtcNow.Year + 1}");

    private static Career Career(Sex sex = Sex.Men)
    {
        var career = new Career { Id = "runner" };
        career.Fold(new AthleteRegistered("Runner", "KEN", sex));
        return career;
    }

    private static ResultRecorded Run(string discipline, string mark, string date = "2025-04-21", bool? newWorldRecord = null) =>
        new("r1", PartialDate.Parse(date), "Race", Discipline.Parse(discipline), ResultStatus.Finished, Mark.Parse(mark), NewWorldRecord: newWorldRecord);

    [Fact]
    public void The_world_records_are_read_from_the_data_file_for_every_known_discipline_and_sex()
    {
        WorldRecords.All.ShouldAllBe(r => Disciplines.Find(r.Discipline.Code) != null && r.Discipline.ProblemWith(r.Mark) == null);
        WorldRecords.All.Select(r => (r.Discipline, r.Sex)).ShouldBeUnique();
        WorldRecords.Of(Discipline.Parse("marathon"), Sex.Men)!.Mark.ShouldBe(Mark.Parse("1:59:30"));
        WorldRecords.Of(Discipline.Parse("long-jump"), Sex.Men)!.Mark.ShouldBe(Mark.Parse("8.95"));
        WorldRecords.Of(Discipline.Parse("110m-hurdles"), Sex.Women).ShouldBeNull();
    }

    [Theory]
    [InlineData("1:58:00", null)]
    [InlineData("1:57:00", "is more than 2% faster than the men's marathon world record")]
    public void A_mark_that_cannot_be_a_record_may_go_two_percent_beyond_the_world_record(string mark, string? refusal)
    {
        // As Kipchoge's 1:59:40 in Vienna, 2019, went beyond the 2:01:39 of its day: paced in relays, behind a car, never eligible for a record.
        var exhibition = Run("marathon", mark, "2019-10-12") with { RecordEligible = false };

        var problems = Rules.Check(Career(), exhibition);

        if (refusal is null) problems.ShouldBeEmpty();
        else problems.ShouldHaveSingleItem().Message.ShouldContain(refusal);
        Rules.Check(Career(), exhibition with { RecordEligible = null }).ShouldHaveSingleItem().Field.ShouldBe("mark");
    }

    [Fact]
    public void The_ledger_s_own_world_record_newer_than_the_file_s_bounds_a_mark_instead()
    {
        var faster = Run("marathon", "1:59:00");

        Rules.Check(Career(), faster).ShouldHaveSingleItem().Field.ShouldBe("mark");
        Rules.Check(Career(), faster, worldRecord: Mark.Parse("1:58:50")).ShouldBeEmpty();
        Rules.Check(Career(), Run("marathon", "1:58:40"), worldRecord: Mark.Parse("1:58:50")).ShouldHaveSingleItem().Message.ShouldContain("the ledger's own");
    }

    [Fact]
    public void A_mark_faster_than_the_world_record_is_refused_naming_the_record()
    {
        var problem = Rules.Check(Career(), Run("5000m", "1:12.86")).ShouldHaveSingleItem();

        problem.Field.ShouldBe("mark");
        problem.Message.ShouldContain("12:35.36 (Joshua Cheptegei (UGA), Herculis, Monaco, 2020-08-14)");
        problem.Message.ShouldContain("new_world_record");
    }

    [Fact]
    public void The_world_record_of_the_athletes_own_sex_is_the_bound_and_equalling_it_passes()
    {
        Rules.Check(Career(Sex.Women), Run("marathon", "2:05:00")).ShouldHaveSingleItem().Field.ShouldBe("mark");
        Rules.Check(Career(Sex.Men), Run("marathon", "2:05:00")).ShouldBeEmpty();
        Rules.Check(Career(Sex.Men), Run("marathon", "2:00:35")).ShouldBeEmpty();
        Rules.Check(Career(Sex.Men), Run("beer-mile", "1:00.00")).ShouldBeEmpty("a discipline with no world record on file has no bound");
    }

    [Fact]
    public void A_new_world_record_that_says_so_is_accepted_and_keeps_saying_so()
    {
        var result = Run("marathon", "1:59:40", newWorldRecord: true);

        Rules.Check(Career(), result).ShouldBeEmpty();
        EventFormat.Write(new EventEnvelope("runner", result)).ShouldContain("\"new_world_record\":true");
    }

    [Fact]
    public void A_correction_or_a_reported_best_faster_than_the_world_record_is_refused_too()
    {
        var career = Career();
        career.Fold(Run("marathon", "2:10:00"));

        Rules.Check(career, new ResultCorrected("r1", "typo", Mark: Mark.Parse("1:10:00"))).ShouldHaveSingleItem().Field.ShouldBe("mark");
        Rules.Check(career, new ResultCorrected("r1", "a new record", Mark: Mark.Parse("2:00:00"), NewWorldRecord: true)).ShouldBeEmpty();
        Rules.Check(career, new BestMarkReported(Discipline.Parse("10000m"), Mark.Parse("25:00.00"), PartialDate.Parse("2020")))
            .ShouldHaveSingleItem().Field.ShouldBe("mark");
    }

    [Fact]
    public void A_result_honour_club_move_or_reported_best_dated_after_today_is_refused_naming_the_date()
    {
        var career = Career();
        career.Fold(new ClubJoined("Club", PartialDate.Parse("2020")));

        Rules.Check(career, Run("marathon", "2:10:00", $"{NextYear}-01-01"))
            .ShouldHaveSingleItem().Message.ShouldContain($"date {NextYear}-01-01 is after today");
        Rules.Check(career, new HonourAwarded("flag_bearer", "Games", NextYear)).ShouldHaveSingleItem().Field.ShouldBe("date");
        Rules.Check(career, new ClubJoined("Other", NextYear)).ShouldHaveSingleItem().Field.ShouldBe("date");
        Rules.Check(career, new ClubLeft("Club", NextYear)).ShouldHaveSingleItem().Field.ShouldBe("date");
        Rules.Check(career, new BestMarkReported(Discipline.Parse("marathon"), Mark.Parse("2:10:00"), NextYear)).ShouldHaveSingleItem().Field.ShouldBe("date");
        Rules.Check(new Career { Id = "baby" }, new AthleteRegistered("Baby", "KEN", Sex.Men, NextYear)).ShouldHaveSingleItem().Field.ShouldBe("born");
        Rules.Check(career, Run("marathon", "2:10:00", $"{DateTime.UtcNow.Year}")).ShouldBeEmpty("this year has begun: its partial date is not in the future");
    }
}
