using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>The marks of the toplists: versions opened and closed as a career's events come, and lists ranked from them.</summary>
public sealed class ListedMarksTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private readonly Career _career = new() { Id = "bat-ochir-ser-od" };
    private readonly ListedMarks _marks = new();
    private int _events;

    private Guid Take(object @event)
    {
        var id = Guid.NewGuid();
        _marks.Take(_career, id, T0.AddMinutes(++_events), @event);
        _career.Fold(@event);
        return id;
    }

    private static ResultRecorded Run(string id, string date, string? mark, ResultStatus status = ResultStatus.Finished) =>
        new(id, PartialDate.Parse(date), $"Race {id}", Discipline.Parse("marathon"), status, mark is null ? null : Mark.Parse(mark), Venue: "Fukuoka");

    public ListedMarksTests() => Take(new AthleteRegistered("Bat-Ochir Ser-Od", "MGL", Sex.Men));

    [Fact]
    public void A_result_with_a_mark_and_a_reported_best_open_a_version_named_by_their_event_and_a_dnf_none()
    {
        var result = Take(Run("fukuoka", "2014-12-07", "2:08:50"));
        var reported = Take(new BestMarkReported(Discipline.Parse("marathon"), Mark.Parse("2:09:00"), PartialDate.Parse("2013")));
        Take(Run("tokyo", "2015-02-22", null, ResultStatus.Dnf));

        _marks.Opened.Select(m => m.Id).ShouldBe([result, reported], ignoreOrder: true);
        var listed = _marks.Opened.Single(m => m.Id == result);
        (listed.Name, listed.Country, listed.Sex, listed.Year, listed.Venue, listed.ResultId)
            .ShouldBe(("Bat-Ochir Ser-Od", "MGL", Sex.Men, 2014, "Fukuoka", "fukuoka"));
        (listed.KnownFrom, listed.KnownUntil).ShouldBe((T0.AddMinutes(2), null));
        _marks.Opened.Single(m => m.Id == reported).ResultId.ShouldBeNull();
    }

    [Fact]
    public void A_correction_closes_the_version_it_corrects_and_opens_the_corrected_one_and_an_annulment_closes_it()
    {
        var first = Take(Run("fukuoka", "2014-12-07", "2:08:59"));
        _marks.Saved();

        var corrected = Take(new ResultCorrected("fukuoka", "timing", Mark: Mark.Parse("2:08:50")));
        _marks.Closed.ShouldHaveSingleItem().Id.ShouldBe(first);
        _marks.Closed.Single().KnownUntil.ShouldBe(T0.AddMinutes(3));
        var now = _marks.Opened.ShouldHaveSingleItem();
        now.Id.ShouldBe(corrected);
        (now.Mark, now.Date, now.Competition, now.KnownFrom, now.KnownUntil)
            .ShouldBe((Mark.Parse("2:08:50"), PartialDate.Parse("2014-12-07"), "Race fukuoka", T0.AddMinutes(3), null));

        _marks.Saved();
        Take(new ResultAnnulled("fukuoka", "doping"));
        _marks.Opened.ShouldBeEmpty();
        _marks.Closed.ShouldHaveSingleItem().ShouldBeSameAs(now);
        now.KnownUntil.ShouldBe(T0.AddMinutes(4));

        _marks.Saved();
        Take(new ResultCorrected("fukuoka", "after the annulment", Mark: Mark.Parse("2:08:00")));
        (_marks.Opened.Count, _marks.Closed.Count).ShouldBe((0, 0), "an annulled result stays out of every list");
    }

    [Fact]
    public void A_correction_to_a_dnf_closes_the_mark_and_opens_none()
    {
        var first = Take(Run("fukuoka", "2014-12-07", "2:08:50"));
        _marks.Saved();

        Take(new ResultCorrected("fukuoka", "left the course", Status: ResultStatus.Dnf));

        _marks.Opened.ShouldBeEmpty();
        var closed = _marks.Closed.ShouldHaveSingleItem();
        closed.Id.ShouldBe(first);
        (closed.KnownFrom, closed.KnownUntil).ShouldBe((T0.AddMinutes(2), T0.AddMinutes(3)), "held from the result until the correction");
    }

    private static ListedMark Listed(string athlete, string mark, string date) =>
        new() { Athlete = athlete, Mark = Mark.Parse(mark), Date = PartialDate.Parse(date) };

    [Fact]
    public void A_version_opened_and_closed_before_it_is_written_is_new_and_written_once_closed()
    {
        Take(Run("fukuoka", "2014-12-07", "2:08:50"));
        Take(new ResultAnnulled("fukuoka", "doping"));

        _marks.Closed.ShouldBeEmpty();
        _marks.Opened.ShouldHaveSingleItem().KnownUntil.ShouldBe(T0.AddMinutes(3));
    }

    [Fact]
    public void A_list_ranks_equal_marks_alike_skips_the_next_rank_and_keeps_each_athletes_first_mark_unless_all_are_asked_for()
    {
        ListedMark[] inOrder =
        [
            Listed("a", "2:05:00", "2020"), Listed("a", "2:06:00", "2019"), Listed("b", "2:06:00", "2021"),
            Listed("c", "2:06:00", "2022"), Listed("d", "2:07:00", "2018"),
        ];

        Toplist.Rank(inOrder, 10, allMarks: false).Select(r => (r.Rank, r.Listed.Athlete)).ShouldBe([(1, "a"), (2, "b"), (2, "c"), (4, "d")]);
        Toplist.Rank(inOrder, 10, allMarks: true).Select(r => r.Rank).ShouldBe([1, 2, 2, 2, 5]);
        Toplist.Rank(inOrder, 2, allMarks: true).Count.ShouldBe(2);
    }
}
