using System.Text.Json;
using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>The outline of a career that lists show: counted, dated and weighed as corrections and annulments leave it.</summary>
public sealed class AthleteSummaryTests
{
    private static Career CareerOf(params object[] events)
    {
        var career = new Career { Id = "bat-ochir-ser-od" };
        career.Fold(new AthleteRegistered("Bat-Ochir Ser-Od", "MGL", Sex.Men, PartialDate.Parse("1981-10-07")));
        foreach (var e in events) career.Fold(e);
        return career;
    }

    private static ResultRecorded Run(string id, string date, string discipline, string? mark, ResultStatus status = ResultStatus.Finished,
        bool? eligible = null) =>
        new(id, PartialDate.Parse(date), $"Race {id}", Discipline.Parse(discipline), status, mark is null ? null : Mark.Parse(mark), RecordEligible: eligible);

    [Fact]
    public void It_counts_results_dates_the_first_and_last_and_weighs_the_discipline_most_raced()
    {
        var summary = AthleteSummary.Of(CareerOf(
            Run("a", "2010-05", "10000m", "28:40.00"),
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            Run("d", "2013", "marathon", null, ResultStatus.Dnf)));

        summary.Name.ShouldBe("Bat-Ochir Ser-Od");
        summary.Country.ShouldBe("MGL");
        summary.Results.ShouldBe(4);
        summary.FirstResult.ShouldBe(PartialDate.Parse("2010-05"));
        summary.LastResult.ShouldBe(PartialDate.Parse("2013"));
        summary.MainDiscipline.ShouldBe(Discipline.Parse("marathon"));
        summary.Best.ShouldBe(Mark.Parse("2:11:05"));
        summary.Disciplines.Select(d => d.Discipline.Code).ShouldBe(["marathon", "10000m"]);
    }

    [Fact]
    public void An_annulled_best_gives_way_to_the_next_and_no_longer_counts()
    {
        var summary = AthleteSummary.Of(CareerOf(
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            new ResultAnnulled("c", "doping")));

        summary.Results.ShouldBe(1);
        summary.LastResult.ShouldBe(PartialDate.Parse("2011-04-17"));
        summary.Best.ShouldBe(Mark.Parse("2:11:35"));
    }

    [Fact]
    public void A_correction_changes_the_mark_the_date_and_the_status_it_names()
    {
        var summary = AthleteSummary.Of(CareerOf(
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            new ResultCorrected("c", "timing", Date: PartialDate.Parse("2012-02-06"), Mark: Mark.Parse("2:13:05")),
            new ResultCorrected("b", "no finish", Status: ResultStatus.Dnf)));

        summary.Best.ShouldBe(Mark.Parse("2:13:05"));
        summary.LastResult.ShouldBe(PartialDate.Parse("2012-02-06"));
        summary.Results.ShouldBe(2);
    }

    [Fact]
    public void A_correction_or_an_annulment_cannot_be_folded_without_the_career()
    {
        Should.Throw<InvalidOperationException>(() => new AthleteSummary().Fold(new ResultAnnulled("c", "doping")));
        AthleteSummary.NeedsTheCareer(new ResultCorrected("c", "timing")).ShouldBeTrue();
        AthleteSummary.NeedsTheCareer(Run("c", "2012", "marathon", "2:11:05")).ShouldBeFalse();
    }

    [Fact]
    public void A_reported_best_counts_for_the_best_mark_but_not_as_a_result()
    {
        var summary = AthleteSummary.Of(CareerOf(
            Run("b", "2011-04-17", "half-marathon", "1:03:00"),
            new BestMarkReported(Discipline.Parse("half-marathon"), Mark.Parse("1:02:10"), PartialDate.Parse("2016"))));

        summary.Results.ShouldBe(1);
        summary.MainDiscipline.ShouldBe(Discipline.Parse("half-marathon"));
        summary.Best.ShouldBe(Mark.Parse("1:02:10"));
    }

    [Fact]
    public void Without_a_result_there_is_no_first_last_or_best()
    {
        var summary = AthleteSummary.Of(CareerOf(new ClubJoined("Morpeth Harriers", PartialDate.Parse("2009"))));

        summary.Results.ShouldBe(0);
        summary.FirstResult.ShouldBeNull();
        summary.Best.ShouldBeNull();
    }

    [Fact]
    public void The_best_mark_that_could_stand_as_a_record_leaves_out_ineligible_results()
    {
        var career = CareerOf(
            Run("b", "2011-04-17", "marathon", "2:11:35"),
            Run("c", "2012-02-05", "marathon", "2:11:05"),
            Run("d", "2013-03-03", "marathon", "2:05:00", eligible: false),
            new BestMarkReported(Discipline.Parse("10000m"), Mark.Parse("29:17.72"), PartialDate.Parse("2020")));
        var summary = AthleteSummary.Of(career);

        summary.Best.ShouldBe(Mark.Parse("2:05:00"));
        summary.BestEligible(Discipline.Parse("marathon"), indoor: false).ShouldBe(Mark.Parse("2:11:05"));
        career.BestEligible(Discipline.Parse("marathon"), indoor: false, leavingOut: "c").ShouldBe(Mark.Parse("2:11:35"));
        summary.BestEligible(Discipline.Parse("10000m"), indoor: false).ShouldBe(Mark.Parse("29:17.72"));
        summary.BestEligible(Discipline.Parse("5000m"), indoor: false).ShouldBeNull();

        career.Fold(new ResultCorrected("d", "course measured again", RecordEligible: true));
        AthleteSummary.Of(career).BestEligible(Discipline.Parse("marathon"), indoor: false).ShouldBe(Mark.Parse("2:05:00"));
    }

    [Fact]
    public void Folding_results_and_reported_bests_one_by_one_outlines_what_the_whole_career_does()
    {
        string[] disciplines = ["marathon", "10000m", "5000m"];
        var random = new Random(11);
        for (var c = 0; c < 200; c++)
        {
            var events = Enumerable.Range(0, random.Next(0, 15)).Select(i => random.Next(5) == 0
                ? (object)new BestMarkReported(Discipline.Parse(disciplines[random.Next(3)]), Mark.Parse($"2:{10 + random.Next(5)}:00"),
                    PartialDate.Parse($"{2000 + random.Next(20)}"))
                : Run($"r{i}", $"{2000 + random.Next(20)}-0{1 + random.Next(9)}", disciplines[random.Next(3)], $"2:{10 + random.Next(5)}:00",
                    random.Next(6) == 0 ? ResultStatus.Dnf : ResultStatus.Finished, random.Next(4) == 0 ? false : null)).ToArray();
            var career = CareerOf(events);
            var folded = new AthleteSummary { Id = career.Id };
            folded.Fold(career.Athlete!);
            foreach (var e in events) folded.Fold(e is ResultRecorded { Status: not ResultStatus.Finished } r ? r with { Mark = null } : e);

            JsonSerializer.Serialize(folded, EventFormat.Options)
                .ShouldBe(JsonSerializer.Serialize(AthleteSummary.Of(career), EventFormat.Options), $"career {c}");
        }
    }
}
