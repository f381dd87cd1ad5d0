using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>A profile's flags, worked out in one pass, answer as the personal bests of each result's own day do.</summary>
public sealed class ProfileTests
{
    private static readonly string[] Disciplines = ["marathon", "10000m"];
    private static readonly string[] Marks = ["2:10:00", "2:11:00", "2:12:00", "29:00.00", "29:30.00"];
    private static readonly string[] Dates = ["2010", "2010-05", "2010-05-01", "2010-05-31", "2010-12-31", "2011-03", "2011-03-15", "2012"];

    [Fact]
    public void A_result_is_flagged_a_personal_best_exactly_when_it_is_the_best_as_of_its_own_day()
    {
        var random = new Random(7);
        for (var c = 0; c < 300; c++)
        {
            var career = new Career { Id = "someone" };
            career.Fold(new AthleteRegistered("Someone", "MGL", Sex.Men));
            for (var i = 0; i < random.Next(1, 12); i++)
            {
                var discipline = Discipline.Parse(Disciplines[random.Next(Disciplines.Length)]);
                var mark = Mark.Parse(Marks[random.Next(discipline.Code == "marathon" ? 0 : 3, discipline.Code == "marathon" ? 3 : 5)]);
                var date = PartialDate.Parse(Dates[random.Next(Dates.Length)]);
                if (random.Next(6) == 0) career.Fold(new BestMarkReported(discipline, mark, date));
                else career.Fold(new ResultRecorded($"r{i}", date, $"Race {i}", discipline,
                    random.Next(8) == 0 ? ResultStatus.Dnf : ResultStatus.Finished, mark));
            }

            if (random.Next(3) == 0) career.Fold(new ResultAnnulled("r0", "doping"));

            var asOf = random.Next(2) == 0 ? (DateOnly?)null : PartialDate.Parse(Dates[random.Next(Dates.Length)]).LastDay;
            foreach (var race in career.ProfileAsOf(asOf).Races)
            {
                var expected = race.Result.Mark is not null && career.PersonalBests(race.Result.Date.LastDay).Any(b => b.ResultId == race.Result.ResultId);
                race.PersonalBest.ShouldBe(expected, $"career {c}, result {race.Result.ResultId}");
            }
        }
    }

    [Fact]
    public void A_profile_as_of_a_date_leaves_out_what_came_after_and_marks_the_records_it_held()
    {
        var career = new Career { Id = "someone" };
        career.Fold(new AthleteRegistered("Someone", "MGL", Sex.Men));
        career.Fold(new ResultRecorded("a", PartialDate.Parse("2010-09-26"), "Berlin", Discipline.Parse("marathon"), ResultStatus.Finished,
            Mark.Parse("2:12:42")));
        career.Fold(new NationalRecordSet(Discipline.Parse("marathon"), Mark.Parse("2:12:42"), PartialDate.Parse("2010-09-26"), "MGL", Sex.Men, "a"));
        career.Fold(new ResultRecorded("b", PartialDate.Parse("2011-04-17"), "London", Discipline.Parse("marathon"), ResultStatus.Finished,
            Mark.Parse("2:11:35")));
        career.Fold(new HonourAwarded("flag_bearer", "2012 Olympic Games", PartialDate.Parse("2012-07-27")));

        var profile = career.ProfileAsOf(new DateOnly(2010, 12, 31));

        profile.Races.ShouldHaveSingleItem().ShouldBe(new Race(career.FindResult("a")!.Result, PersonalBest: true, NationalRecord: true));
        profile.Bests.ShouldHaveSingleItem().Mark.ShouldBe(Mark.Parse("2:12:42"));
        profile.Honours.ShouldBeEmpty();
        career.ProfileAsOf(null).Races.Select(r => r.PersonalBest).ShouldBe([true, true], "each was the best on its own day");
    }
}
