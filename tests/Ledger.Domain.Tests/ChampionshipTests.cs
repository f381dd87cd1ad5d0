using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>How a career's championships are counted: editions entered, races started and finished, medals won.</summary>
public sealed class ChampionshipTests
{
    private static ChampionshipCount Counted(params (string Date, ResultStatus Status, string? Mark, int? Place, string Discipline)[] races)
    {
        var career = new Career { Id = "bat-ochir-ser-od" };
        career.Fold(new AthleteRegistered("Bat-Ochir Ser-Od", "MGL", Sex.Men));
        foreach (var (race, i) in races.Select((r, i) => (r, i)))
            career.Fold(new ResultRecorded($"race-{i}", PartialDate.Parse(race.Date), $"Race {i}", Discipline.Parse(race.Discipline), race.Status,
                race.Mark is null ? null : Mark.Parse(race.Mark), race.Place, Championship: Championship.Parse("asian_championships")));
        return career.Championships().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_dns_is_an_edition_entered_but_no_start()
    {
        var count = Counted(("2007-07", ResultStatus.Dns, null, null, "10000m"), ("2009-11", ResultStatus.Dnf, null, null, "10000m"));

        (count.Editions, count.Starts, count.Finishes, count.Dnf).ShouldBe((2, 1, 0, 1));
    }

    [Fact]
    public void Two_races_of_a_series_in_one_year_are_one_edition()
    {
        var count = Counted(("2009-11-10", ResultStatus.Finished, "14:47.01", 6, "5000m"), ("2009-11-14", ResultStatus.Finished, "29:43.79", 5, "10000m"));

        (count.Editions, count.Starts, count.Finishes, count.BestPlace).ShouldBe((1, 2, 2, 5));
    }

    [Fact]
    public void Medals_and_the_best_place_come_only_from_finished_races()
    {
        // First over the line and disqualified; a place given to a race he did not finish.
        var count = Counted(("2011-07", ResultStatus.Dq, null, 1, "10000m"), ("2013-06", ResultStatus.Dnf, null, 2, "10000m"),
            ("2015-06", ResultStatus.Finished, "29:10.00", 3, "10000m"), ("2017-07", ResultStatus.Finished, "29:30.00", 4, "10000m"));

        (count.Gold, count.Silver, count.Bronze, count.BestPlace).ShouldBe((0, 0, 1, 3));
    }
}
