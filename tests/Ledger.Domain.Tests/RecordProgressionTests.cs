using Shouldly;

namespace Ledger.Domain.Tests;

/// <summary>The record is derived from the claims, whatever order they came in: beaten before, beaten in its race, or equalled.</summary>
public sealed class RecordProgressionTests
{
    private static readonly Discipline Marathon = Discipline.Parse("marathon");

    private static RecordSet Claim(string date, string competition, string mark) =>
        new(RecordScopes.World, Marathon, Mark.Parse(mark), PartialDate.Parse(date), Sex.Men, "KEN", $"{date}-{competition}", competition, Ratified: false);

    private static IReadOnlyList<(string, RecordStatus, bool)> History(params RecordSet[] claims)
    {
        var progression = RecordProgression.Of(new RecordList(RecordScopes.World, Sex.Men, Marathon));
        foreach (var (claim, i) in claims.Select((c, i) => (c, i))) progression.Apply($"athlete-{claim.Mark}", claim, DateTimeOffset.UnixEpoch.AddMinutes(i));
        return progression.History().Select(h => (h.Entry.Mark.ToString(), h.Status, h.Equalled)).ToList();
    }

    [Fact]
    public void Claims_in_any_order_give_one_progression_leaving_out_those_beaten_before_or_in_their_race()
    {
        RecordSet[] claims =
        [
            Claim("2014-09-28", "Berlin", "2:03:13"), Claim("2013-09-29", "Berlin", "2:03:23"), Claim("2019-09-29", "Berlin", "2:01:41"),
            Claim("2014-09-28", "Berlin", "2:02:57"), Claim("2018-09-16", "Berlin", "2:01:39"), Claim("2012-04-22", "London", "2:03:23"),
        ];
        (string, RecordStatus, bool)[] expected =
        [
            ("2:03:23", RecordStatus.Superseded, false), ("2:03:23", RecordStatus.Superseded, true), ("2:02:57", RecordStatus.Superseded, false),
            ("2:01:39", RecordStatus.Standing, false),
        ];

        History(claims).ShouldBe(expected);
        History([.. claims.Reverse()]).ShouldBe(expected);
    }
}
