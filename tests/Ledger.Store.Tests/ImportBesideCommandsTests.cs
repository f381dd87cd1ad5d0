using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// Facts entered through commands and files imported beside them: a federation enters results by hand
/// during a championship, and imports the official results file afterwards.
/// </summary>
public sealed class ImportBesideCommandsTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync()
    {
        await Db.ResetToAsync(Lines.RecordHolder);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<int> AuditCount() => (await Db.Audit.AuditAsync(Athlete)).Events.Count;

    /// <summary>Posts the result <see cref="Lines.Result"/> writes, as a hand entry does: the API fills in its status.</summary>
    private async Task<JsonObject> EnterByHand(string resultId, string date, string mark)
    {
        var body = new JsonObject
        {
            ["result_id"] = resultId, ["date"] = date, ["competition"] = $"Race {resultId}", ["discipline"] = "marathon", ["mark"] = mark,
        };
        var (status, answer) = await api.PostAsync($"/athletes/{Athlete}/results", body.ToJsonString());
        status.ShouldBe(200, answer.ToJsonString());
        return answer;
    }

    [Fact]
    public async Task A_result_entered_by_hand_and_then_imported_from_the_official_file_is_skipped()
    {
        // The command appends a record beside the result; the official file has the result alone.
        (await EnterByHand("probe-1", "2026-04-12", "2:07:59"))["national_record"]!.GetValue<bool>().ShouldBeTrue();
        var count = await AuditCount();

        (await Db.ImportAsync("official.jsonl", Lines.Result("probe-1", "2026-04-12", "2:07:59"))).ShouldBe(new ImportOutcome(0, 1));

        (await AuditCount()).ShouldBe(count);
    }

    [Fact]
    public async Task A_default_the_file_says_aloud_is_the_same_fact_as_one_left_out()
    {
        await EnterByHand("probe-1", "2026-04-12", "2:20:00");

        var said = Lines.Result("probe-1", "2026-04-12", "2:20:00").Replace("\"status\"", "\"record_eligible\":true,\"status\"");

        (await Db.ImportAsync("official.jsonl", said)).ShouldBe(new ImportOutcome(0, 1));
    }

    [Fact]
    public async Task A_file_giving_the_entered_result_another_mark_is_refused_naming_both_marks()
    {
        await EnterByHand("probe-1", "2026-04-12", "2:07:59");
        var count = await AuditCount();

        var refused = await Should.ThrowAsync<Refused>(() => Db.ImportAsync("official.jsonl", Lines.Result("probe-1", "2026-04-12", "2:08:01")));

        refused.Reasons.ShouldHaveSingleItem()
            .ShouldEndWith("official.jsonl:1: field 'mark': result 'probe-1' is already recorded with mark 2:07:59, not 2:08:01");
        (await AuditCount()).ShouldBe(count);
    }

    [Fact]
    public async Task Any_fact_sent_as_a_command_is_skipped_when_a_file_says_it_again()
    {
        var (status, _) = await api.PostAsync($"/athletes/{Athlete}/clubs", """{"club":"Morpeth Harriers","date":"2009-04","city":"Morpeth"}""");
        status.ShouldBe(200);

        var joined = $$"""{"type":"club_joined","athlete":"{{Athlete}}","club":"Morpeth Harriers","date":"2009-04","city":"Morpeth"}""";

        (await Db.ImportAsync("clubs.jsonl", joined)).ShouldBe(new ImportOutcome(0, 1));
    }

    /// <summary>
    /// An import appends the records its file holds and decides nothing; commands decide on the record
    /// that stands. Round after round, an import of a record runs while three athletes' results are
    /// decided, every mark of a round faster than all before it and the imported one the fastest.
    /// </summary>
    [Fact]
    public async Task An_import_running_while_commands_decide_records_loses_no_record_and_misleads_no_decision()
    {
        string[] rivals = ["rival-1", "rival-2", "rival-3"];
        await Db.ImportAsync("rivals.jsonl", [.. rivals.Select(r => Lines.Registered(athlete: r))]);

        for (var round = 0; round < 10; round++)
        {
            var fastest = 2 * 3600 + 12 * 60 - 20 * round - 5;
            var imported = $"imported-{round}";
            var import = Db.ImportAsync($"{imported}.jsonl", Lines.Registered(athlete: imported),
                Lines.Result("race", "2026-04-12", Lines.Time(fastest), athlete: imported),
                Lines.Record(Lines.Time(fastest), "2026-04-12", "race", athlete: imported));
            var commands = rivals.Select((rival, i) => api.SendAsync<ResultAnswer>(new RecordResult(rival,
                new ResultRecorded($"round-{round}", PartialDate.Parse("2026-04-12"), "Rotterdam Marathon", Discipline.Parse("marathon"),
                    ResultStatus.Finished, Mark.Parse(Lines.Time(fastest + 1 + i))), "tester")));
            await Task.WhenAll([import, .. commands]);
        }

        // The entries in the order they were added, which is the order the appends were decided in.
        await using var session = Db.Store.QuerySession();
        var entries = (await session.LoadAsync<RecordProgression>("MGL/men/marathon"))!.Entries;
        entries.Select(e => e.Mark.Hundredths).ShouldBeInOrder(SortDirection.Descending);
        entries.Select(e => e.Mark.Hundredths).ShouldBeUnique();
        var setInStreams = new List<string>();
        foreach (var athlete in rivals.Concat(Enumerable.Range(0, 10).Select(r => $"imported-{r}")).Append(Athlete))
            setInStreams.AddRange((await Db.Audit.AuditAsync(athlete)).Events
                .Select(e => e.Event).OfType<NationalRecordSet>().Select(e => $"{athlete} {e.Mark}"));
        entries.Select(e => $"{e.Athlete} {e.Mark}").Order().ShouldBe(setInStreams.Order());
    }
}
