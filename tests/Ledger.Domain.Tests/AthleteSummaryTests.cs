using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>The outline of a career that lists show: counted, dated and weighed as corrections and annulments leave it.</summary>
public sealed class AthleteSummaryTests
{
    private static AthleteSummary SummaryOf(params object[] events)
    {
        var summary = new AthleteSummary { Id = "bat-ochir-ser-od" };
        summary.Fold(new AthleteRegistered("Bat-Ochir Ser-Od", "MGL", Sex.Men, PartialDate.Parse("1981-10-07")));
        foreach (var e in events) summary.Fold(e);
        return summary;
    }

    private static ResultRecorded Run(string id, string date, string discipline, string? mark, ResultStatus status = ResultStatus.Finished) =>
        new(id, PartialDate.Parse(date), $"Race {id}", Discipline.Parse(discipline), status, mark is null ? null : Mark.Parse(mark));

    [Fact]
    public void It_counts_results_dates_the_first_and_last_and_weighs_the_discipline_most_raced()
    {
        var summary = SummaryOf(
            Run("a", "2010-05", "10000m", "28:40.00"),
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            Run("d", "2013", "marathon", null, ResultStatus.Dnf));

        summary.Name.ShouldBe("Bat-Ochir Ser-Od");
        summary.Country.ShouldBe("MGL");
        summary.Results.ShouldBe(4);
        summary.FirstResult.ShouldBe(PartialDate.Parse("2010-05"));
        summary.LastResult.ShouldBe(PartialDate.Parse("2013"));
        summary.MainDiscipline.ShouldBe(Discipline.Parse("marathon"));
        summary.Best.ShouldBe(Mark.Parse("2:11:05"));
    }

    [Fact]
    public void An_annulled_best_gives_way_to_the_next_and_no_longer_counts()
    {
        var summary = SummaryOf(
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            new ResultAnnulled("c", "doping"));

        summary.Results.ShouldBe(1);
        summary.LastResult.ShouldBe(PartialDate.Parse("2011-04-17"));
        summary.Best.ShouldBe(Mark.Parse("2:11:35"));
    }

    [Fact]
    public void A_correction_changes_the_mark_the_date_and_the_discipline_it_names()
    {
        var summary = SummaryOf(
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            new ResultCorrected("c", "timing", Date: PartialDate.Parse("2012-02-06"), Mark: Mark.Parse("2:13:05")),
            new ResultCorrected("b", "no finish", Status: ResultStatus.Dnf));

        summary.Best.ShouldBe(Mark.Parse("2:13:05"));
        summary.LastResult.ShouldBe(PartialDate.Parse("2012-02-06"));
        summary.Results.ShouldBe(2);
    }

    [Fact]
    public void A_reported_best_counts_for_the_best_mark_but_not_as_a_result()
    {
        var summary = SummaryOf(
            Run("b", "2011-04-17", "half-marathon", "1:03:00"),
            new BestMarkReported(Discipline.Parse("half-marathon"), Mark.Parse("1:02:10"), PartialDate.Parse("2016")));

        summary.Results.ShouldBe(1);
        summary.MainDiscipline.ShouldBe(Discipline.Parse("half-marathon"));
        summary.Best.ShouldBe(Mark.Parse("1:02:10"));
    }

    [Fact]
    public void Without_a_result_there_is_no_first_last_or_best()
    {
        var summary = SummaryOf(new ClubJoined("Morpeth Harriers", PartialDate.Parse("2009")));

        summary.Results.ShouldBe(0);
        summary.FirstResult.ShouldBeNull();
        summary.Best.ShouldBeNull();
    }

    [Fact]
    public void The_best_mark_that_could_stand_as_a_record_leaves_out_ineligible_results_and_the_one_named()
    {
        var summary = SummaryOf(
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            new ResultRecorded("d", PartialDate.Parse("2013-03-03"), "Downhill race", Discipline.Parse("marathon"), ResultStatus.Finished, Mark.Parse("2:05:00"), RecordEligible: false),
            new BestMarkReported(Discipline.Parse("10000m"), Mark.Parse("29:17.72"), PartialDate.Parse("2020")));

        summary.BestEligible(Discipline.Parse("marathon")).ShouldBe(Mark.Parse("2:11:05"));
        summary.BestEligible(Discipline.Parse("marathon"), leavingOut: "c").ShouldBe(Mark.Parse("2:11:35"));
        summary.BestEligible(Discipline.Parse("10000m")).ShouldBe(Mark.Parse("29:17.72"));
        summary.BestEligible(Discipline.Parse("5000m")).ShouldBeNull();

        summary.Fold(new ResultCorrected("d", "course measured again", RecordEligible: true));
        summary.BestEligible(Discipline.Parse("marathon")).ShouldBe(Mark.Parse("2:05:00"));
    }
}
