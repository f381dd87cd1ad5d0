using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>Commands that decide national records, sent through the bus in process: corrections, and writers racing.</summary>
public sealed class RecordCommandTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync()
    {
        await Db.ResetToAsync(Lines.RecordHolder);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<ResultAnswer> Add(string resultId, string mark, string athlete = Athlete, string discipline = "marathon") =>
        api.SendAsync<ResultAnswer>(new RecordResult(athlete, new ResultRecorded(resultId, PartialDate.Parse("2026-04-12"), $"Race {resultId}",
            Discipline.Parse(discipline), ResultStatus.Finished, Mark.Parse(mark)), "tester"));

    private Task<ResultAnswer> Correct(ResultCorrected correction) => api.SendAsync<ResultAnswer>(new CorrectResult(Athlete, correction, "tester"));

    private async Task<IReadOnlyList<(string Mark, RecordStatus Status)>> History(string discipline = "marathon") =>
        (await Db.Records.RecordHistoryAsync("MGL", Discipline.Parse(discipline), Sex.Men)).Progression.Select(p => (p.Mark.ToString(), p.Status)).ToList();

    private async Task<IReadOnlyList<(string Discipline, string Mark)>> Records() =>
        (await Db.Records.RecordsAsync("MGL")).Records.Select(r => (r.Discipline.Code, r.Mark.ToString())).ToList();

    [Fact]
    public async Task A_result_corrected_to_beat_the_record_sets_it()
    {
        (await Add("slow", "2:15:00")).NationalRecord.ShouldBeFalse();

        var corrected = await Correct(new ResultCorrected("slow", "timing error", Mark: Mark.Parse("2:10:00")));

        corrected.NationalRecord.ShouldBeTrue();
        (await History()).ShouldBe([("2:12:42", RecordStatus.Superseded), ("2:10:00", RecordStatus.Standing)]);
    }

    [Theory]
    [InlineData("slower than the record before it")]
    [InlineData("a dnf")]
    public async Task A_record_corrected_to_no_record_is_rescinded_and_the_one_before_stands_again(string correctedTo)
    {
        (await Add("fast", "2:07:59")).NationalRecord.ShouldBeTrue();
        var correction = correctedTo == "a dnf"
            ? new ResultCorrected("fast", "he stopped at 40 km", Status: ResultStatus.Dnf)
            : new ResultCorrected("fast", "timing error", Mark: Mark.Parse("2:14:00"));

        var corrected = await Correct(correction);

        corrected.NationalRecord.ShouldBeFalse();
        (await History()).ShouldBe([("2:12:42", RecordStatus.Standing), ("2:07:59", RecordStatus.Rescinded)]);
        (await Records()).ShouldBe([("marathon", "2:12:42")]);
    }

    [Fact]
    public async Task A_record_corrected_to_another_discipline_is_rescinded_in_its_own_and_weighed_in_the_other()
    {
        // The first 10,000 m on the track the ledger knows: a record, as no mark stands in its way.
        (await Add("track", "28:50.00", discipline: "10000m")).NationalRecord.ShouldBeTrue();

        var corrected = await Correct(new ResultCorrected("track", "it was the road race", Discipline: Discipline.Parse("10km")));

        corrected.NationalRecord.ShouldBeTrue();
        (await History("10000m")).ShouldBe([("28:50.00", RecordStatus.Rescinded)]);
        (await Records()).ShouldBe([("marathon", "2:12:42"), ("10km", "28:50.00")]);
    }

    /// <summary>
    /// Writers of different athletes never conflict on a stream: only the record lock keeps two from
    /// deciding on the same standing record (and the later from overwriting the record the earlier set).
    /// Raced in process, round after round, every mark of a round beating the record that stood before it, each rival in a race of
    /// their own on the day (in one race, only the best mark would be the record).
    /// </summary>
    [Fact]
    public async Task Athletes_racing_for_one_record_each_decide_on_the_record_the_one_before_them_set()
    {
        string[] rivals = ["rival-1", "rival-2", "rival-3", "rival-4"];
        await Db.ImportAsync("rivals.jsonl", [.. rivals.Select(r => Lines.Registered(athlete: r))]);
        var declared = new List<string>();

        for (var round = 0; round < 25; round++)
        {
            // From 2:12:00 down, ten seconds a round and a second between rivals.
            var marks = rivals.Select((_, i) => Lines.Time(2 * 3600 + 12 * 60 - 10 * round - i)).ToList();
            var answers = await Task.WhenAll(rivals.Select((rival, i) => Add($"round-{round}-{rival}", marks[i], rival)));
            declared.AddRange(answers.Select((answer, i) => (answer, i)).Where(a => a.answer.NationalRecord).Select(a => $"{rivals[a.i]} {marks[a.i]}"));
        }

        var history = (await Db.Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men)).Progression;
        // Each record, in the order the ledger learned them, beat every record before it.
        history.Select(p => p.Mark.Hundredths).ShouldBeInOrder(SortDirection.Descending);
        history.Select(p => p.Mark.Hundredths).ShouldBeUnique();
        history[^1].Mark.ToString().ShouldBe(Lines.Time(2 * 3600 + 12 * 60 - 10 * 24 - 3));
        // Exactly one record kept per record a command said it set: none lost, none made up.
        history.Skip(1).Select(p => $"{p.Athlete} {p.Mark}").Order().ShouldBe(declared.Order());
        var setInStreams = 0;
        foreach (var rival in rivals)
            setInStreams += (await Db.Audit.AuditAsync(rival)).Events.Count(e => e.Event is NationalRecordSet);
        setInStreams.ShouldBe(declared.Count);
    }
}
