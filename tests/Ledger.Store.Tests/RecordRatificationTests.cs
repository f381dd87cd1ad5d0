using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// A record claimed pending ratification, and its ratification: by the bus, over HTTP, from a file, on the page,
/// and as the ledger knew it before.
/// </summary>
public sealed class RecordRatificationTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;
    private LedgerDatabase Db => api.Database;

    /// <summary>The record holder, whose Berlin record was claimed and waits for its federation.</summary>
    private static readonly string[] PendingRecordHolder =
    [
        Lines.Registered(), Lines.Result("berlin-2010", "2010-09-26", "2:12:42"),
        Lines.Record("2:12:42", "2010-09-26", "berlin-2010").Replace("}", ",\"ratified\":false}"),
    ];

    public async ValueTask InitializeAsync() => await Db.ResetToAsync(PendingRecordHolder);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<RecordAnswer> Ratify(string resultId, string scope = "MGL") =>
        api.SendAsync(new RatifyRecord(Athlete, new RecordRatified(scope, resultId), "federation"));

    private async Task<RecordView> Standing(DateTimeOffset? knownAt = null) =>
        (await Db.Records.RecordsAsync("MGL", knownAt: knownAt)).Records.ShouldHaveSingleItem();

    [Fact]
    public async Task A_pending_record_stands_with_a_star_until_it_is_ratified_and_is_pending_as_known_before()
    {
        var pending = await Standing();
        (pending.Status, pending.Shown).ShouldBe(("pending", "2:12:42*"));
        var beforeRatifying = DateTimeOffset.UtcNow;

        var answer = await Ratify("berlin-2010");

        answer.ShouldBe(new RecordAnswer("berlin-2010", "MGL", "ratified"));
        (await Standing()).Status.ShouldBe("ratified");
        (await Standing(beforeRatifying)).Status.ShouldBe("pending");
        var history = (await Db.Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men)).Progression.ShouldHaveSingleItem();
        (history.Ratified, history.Shown).ShouldBe((true, "2:12:42"));
        (await Db.Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men, beforeRatifying)).Progression.ShouldHaveSingleItem()
            .Ratified.ShouldBeFalse();
    }

    [Theory]
    [InlineData("no-such-result", "MGL")]
    [InlineData("berlin-2010", "KEN")]
    public async Task Only_a_record_the_result_holds_in_that_scope_can_be_ratified(string resultId, string scope)
    {
        var refused = await Should.ThrowAsync<Refused>(() => Ratify(resultId, scope));

        refused.Problems.ShouldHaveSingleItem().Field.ShouldBe("result_id");
        (await Standing()).Status.ShouldBe("pending");
    }

    [Fact]
    public async Task Over_http_a_ratification_is_posted_to_the_results_ratifications()
    {
        var (status, body) = await api.PostAsync($"/athletes/{Athlete}/results/berlin-2010/ratifications", """{"scope":"MGL","date":"2010-12-20"}""");

        status.ShouldBe(200, body.ToJsonString());
        body.Select(p => p.Key).ShouldBe(["result_id", "scope", "status"]);
        body["status"]!.GetValue<string>().ShouldBe("ratified");
        (await Db.Audit.AuditAsync(Athlete)).Events.Last().Event.ShouldBeOfType<RecordRatified>().Date.ShouldBe(PartialDate.Parse("2010-12-20"));
    }

    [Fact]
    public async Task A_file_ratifies_a_record_naming_which_one_and_is_refused_naming_a_record_it_is_not()
    {
        const string line = """{"type":"record_ratified","athlete":"bat-ochir-ser-od","scope":"MGL","result_id":"berlin-2010","date":"2010-12-20",""";

        var refused = await Should.ThrowAsync<Refused>(() => Db.ImportAsync("wrong.jsonl", line + "\"discipline\":\"10000m\",\"sex\":\"men\"}"));
        refused.Problems.ShouldHaveSingleItem().Field.ShouldBe("discipline");

        (await Db.ImportAsync("ratified.jsonl", line + "\"discipline\":\"marathon\",\"sex\":\"men\"}")).Appended.ShouldBe(1);
        (await Standing()).Status.ShouldBe("ratified");
    }

    [Fact]
    public async Task The_records_page_marks_a_pending_record_and_says_what_the_star_means()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/records/MGL");
            s.WithRequestHeader("Accept", "text/html");
        });
        var page = await result.ReadAsTextAsync();

        page.ShouldContain("2:12:42*");
        page.ShouldContain("* pending ratification");
    }
}
