using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>What a command appends: records decided, rescinded and weighed again, without a database.</summary>
public sealed class DecisionsTests
{
    private static readonly Discipline Marathon = Discipline.Parse("marathon");

    private static Career CareerWith(params object[] events)
    {
        var career = new Career { Id = "bat-ochir-ser-od" };
        career.Fold(new AthleteRegistered("Bat-Ochir Ser-Od", "MGL", Sex.Men, PartialDate.Parse("1981-10-07")));
        foreach (var e in events) career.Fold(e);
        return career;
    }

    private static ResultRecorded Run(string id, string mark, string date = "2026-04-12", ResultStatus status = ResultStatus.Finished, bool? eligible = null) =>
        new(id, PartialDate.Parse(date), $"Race {id}", Marathon, status, status == ResultStatus.Finished ? Mark.Parse(mark) : null, RecordEligible: eligible);

    private static Func<RecordList, RecordContext> Standing(string mark, string resultId = "berlin-2010") =>
        Contexts.National(new RecordEntry(Mark.Parse(mark), "bat-ochir-ser-od", PartialDate.Parse("2010-09-26"), "Berlin Marathon", resultId, DateTimeOffset.UnixEpoch),
            Mark.Parse(mark));

    [Fact]
    public void A_result_faster_than_the_standing_record_sets_a_national_record_for_the_athletes_country_and_sex()
    {
        var events = Decisions.RecordResult(CareerWith(), Run("rotterdam", "2:07:59"), Standing("2:12:42")).Events;

        var record = events.OfType<NationalRecordSet>().ShouldHaveSingleItem();
        (record.Country, record.Sex, record.Mark.ToString(), record.ResultId).ShouldBe(("MGL", Sex.Men, "2:07:59", "rotterdam"));
    }

    [Fact]
    public void A_result_slower_than_the_standing_record_sets_none() =>
        Decisions.RecordResult(CareerWith(), Run("slow", "2:20:00"), Standing("2:12:42")).Events.ShouldHaveSingleItem().ShouldBeOfType<ResultRecorded>();

    [Fact]
    public void A_result_equal_to_the_standing_record_equals_it_pending_ratification()
    {
        var record = Decisions.RecordResult(CareerWith(), Run("equal", "2:12:42"), Standing("2:12:42")).Events.OfType<NationalRecordSet>().ShouldHaveSingleItem();

        (record.Mark.ToString(), record.Ratified).ShouldBe(("2:12:42", (bool?)false));
    }

    [Fact]
    public void With_no_record_yet_a_mark_slower_than_a_known_eligible_mark_is_not_declared_a_record() =>
        Decisions.RecordResult(CareerWith(), Run("slow", "2:20:00"), Contexts.National(null, Mark.Parse("2:15:00"))).Events
            .OfType<NationalRecordSet>().ShouldBeEmpty();

    [Fact]
    public void With_no_record_and_no_known_mark_the_first_finish_sets_the_record() =>
        Decisions.RecordResult(CareerWith(), Run("first", "2:30:00"), Contexts.National(null)).Events.OfType<NationalRecordSet>().ShouldHaveSingleItem();

    [Fact]
    public void A_result_that_is_not_record_eligible_never_sets_a_record() =>
        Decisions.RecordResult(CareerWith(), Run("aided", "2:05:00", eligible: false), Standing("2:12:42")).Events.OfType<NationalRecordSet>().ShouldBeEmpty();

    [Fact]
    public void A_dnf_never_sets_a_record() =>
        Decisions.RecordResult(CareerWith(), Run("dnf", "", status: ResultStatus.Dnf), Contexts.National(null)).Events.OfType<NationalRecordSet>().ShouldBeEmpty();

    [Fact]
    public void A_result_the_rules_refuse_appends_nothing_and_names_the_field()
    {
        var refused = Should.Throw<Refused>(() => Decisions.RecordResult(CareerWith(), Run("early", "2:30:00", date: "1975-01-01"), Contexts.National(null)).Events);

        refused.Problems.ShouldHaveSingleItem().Field.ShouldBe("date");
    }

    [Fact]
    public void Annulling_a_record_holding_result_rescinds_the_record()
    {
        var result = Run("rotterdam", "2:07:59");
        var career = CareerWith(result, new NationalRecordSet(Marathon, result.Mark!.Value, result.Date, "MGL", Sex.Men, "rotterdam"));

        var events = Decisions.AnnulResult(career, new ResultAnnulled("rotterdam", "positive test")).Events;

        var rescind = events.OfType<NationalRecordRescinded>().ShouldHaveSingleItem();
        rescind.Mark.ToString().ShouldBe("2:07:59");
        rescind.Reason.ShouldContain("positive test");
    }

    [Fact]
    public void Annulling_a_result_without_a_record_appends_only_the_annulment() =>
        Decisions.AnnulResult(CareerWith(Run("plain", "2:20:00")), new ResultAnnulled("plain", "wrong athlete")).Events.ShouldHaveSingleItem();

    [Fact]
    public void Correcting_a_record_mark_slower_rescinds_it_and_sets_the_corrected_mark_when_it_still_beats_the_rest()
    {
        var result = Run("rotterdam", "2:07:59");
        var career = CareerWith(result, new NationalRecordSet(Marathon, result.Mark!.Value, result.Date, "MGL", Sex.Men, "rotterdam"));

        var events = Decisions.CorrectResult(career, new ResultCorrected("rotterdam", "timing error", Mark: Mark.Parse("2:11:59")),
            Standing("2:12:42")).Events;

        events.Select(e => e.GetType()).ShouldBe([typeof(ResultCorrected), typeof(NationalRecordRescinded), typeof(NationalRecordSet)]);
        events.OfType<NationalRecordSet>().Single().Mark.ToString().ShouldBe("2:11:59");
    }

    [Fact]
    public void Correcting_only_the_place_of_a_record_result_keeps_the_record()
    {
        var result = Run("rotterdam", "2:07:59");
        var career = CareerWith(result, new NationalRecordSet(Marathon, result.Mark!.Value, result.Date, "MGL", Sex.Men, "rotterdam"));

        Decisions.CorrectResult(career, new ResultCorrected("rotterdam", "photo finish", Place: 2), Contexts.National(null)).Events.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_new_best_is_a_personal_best_and_a_slower_run_is_not()
    {
        var career = CareerWith(Run("fast", "2:10:00", date: "2020-01-01"), Run("slow", "2:15:00", date: "2021-01-01"));

        Decisions.IsPersonalBest(career, "fast").ShouldBeTrue();
        Decisions.IsPersonalBest(career, "slow").ShouldBeFalse();
    }
}
