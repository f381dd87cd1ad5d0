using Shouldly;

namespace Ledger.Domain.Tests;

public class RatificationTests
{
    private static Career RecordHolder()
    {
        var career = new Career { Id = "runner" };
        career.Fold(new AthleteRegistered("Runner", "MGL", Sex.Men));
        career.Fold(new ResultRecorded("r1", PartialDate.Parse("2024-04-21"), "Race", Discipline.Parse("60m"), ResultStatus.Finished, Mark.Parse("6.61"),
            Indoor: true));
        career.Fold(new NationalRecordSet(Discipline.Parse("60m"), Mark.Parse("6.61"), PartialDate.Parse("2024-04-21"), "MGL", Sex.Men, "r1",
            Ratified: false, Indoor: true));
        return career;
    }

    [Fact]
    public void A_command_takes_which_record_it_is_from_the_result_and_dates_it_today_unless_told()
    {
        var ratification = new RecordRatified("MGL", "r1").CompletedFrom(RecordHolder());

        (ratification.Discipline, ratification.Sex, ratification.Indoor).ShouldBe((Discipline.Parse("60m"), Sex.Men, true));
        ratification.Date.ShouldBe(PartialDate.Of(DateOnly.FromDateTime(DateTime.UtcNow)));
        Decisions.Append(RecordHolder(), ratification).Events.ShouldHaveSingleItem().ShouldBe(ratification);
    }

    [Fact]
    public void A_ratification_of_a_record_the_result_does_not_hold_is_refused_naming_each_field_that_differs()
    {
        var refused = Should.Throw<Refused>(() =>
            Decisions.Append(RecordHolder(), new RecordRatified("MGL", "r1", PartialDate.Parse("2024-06-01"), Discipline.Parse("100m"), Sex.Women)));

        refused.Problems.Select(p => p.Field).ShouldBe(["discipline", "sex", "indoor"], ignoreOrder: true);
    }
}
