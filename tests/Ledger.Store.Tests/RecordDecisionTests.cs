using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// Where no record stands yet, a result sets one only when it beats every eligible mark the ledger
/// knows of that country and sex, as the compatriots' summaries tell them.
/// </summary>
public sealed class RecordDecisionTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await api.Database.ResetAsync();
        await api.Database.ImportAsync("kenya.jsonl",
            Lines.Registered("ken-a", "KEN"),
            Lines.Result("a1", "2024-04-21", "2:06:00", athlete: "ken-a"),
            // Downhill and point to point: not a mark a record can be measured against.
            Lines.Result("a2", "2024-06-01", "2:03:00", athlete: "ken-a").Replace("\"status\"", "\"record_eligible\":false,\"status\""),
            Lines.Result("a3", "2024-10-13", "2:04:00", athlete: "ken-a"),
            Lines.Annulled("a3", "wrong course", athlete: "ken-a"),
            Lines.Registered("ken-b", "KEN"),
            Lines.Registered("ken-c", "KEN", "women"),
            // Faster than any man here, and than the women's world record, which the line says it is.
            Lines.Result("c1", "2024-10-13", "2:01:00", athlete: "ken-c").Replace("\"status\"", "\"new_world_record\":true,\"status\""));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonObject> AddResult(string athlete, string mark, string competition)
    {
        var (status, answer) = await api.PostAsync($"/athletes/{athlete}/results",
            new JsonObject { ["date"] = "2025-04-21", ["competition"] = competition, ["discipline"] = "marathon", ["mark"] = mark }.ToJsonString());
        status.ShouldBe(200, answer.ToJsonString());
        return answer;
    }

    [Fact]
    public async Task A_mark_slower_than_a_compatriots_eligible_best_sets_no_record()
    {
        (await AddResult("ken-b", "2:06:30", "Boston Marathon"))["national_record"]!.GetValue<bool>().ShouldBeFalse();
        (await api.Database.Records.RecordsAsync("KEN")).Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_mark_slower_than_the_athletes_own_eligible_best_sets_no_record()
    {
        (await AddResult("ken-a", "2:06:10", "Boston Marathon"))["national_record"]!.GetValue<bool>().ShouldBeFalse();
        (await api.Database.Records.RecordsAsync("KEN")).Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_mark_slower_than_a_compatriots_reported_best_sets_no_record()
    {
        await api.Database.ImportAsync("lists.jsonl", Lines.Registered("ken-d", "KEN"), Lines.Reported("marathon", "2:05:00", "2023", athlete: "ken-d"));

        (await AddResult("ken-b", "2:05:30", "London Marathon"))["national_record"]!.GetValue<bool>().ShouldBeFalse();
        (await api.Database.Records.RecordsAsync("KEN")).Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task Ineligible_annulled_and_other_sex_marks_do_not_stand_in_the_way()
    {
        (await AddResult("ken-b", "2:05:30", "London Marathon"))["national_record"]!.GetValue<bool>().ShouldBeTrue();

        var record = (await api.Database.Records.RecordsAsync("KEN", Domain.Sex.Men)).Records.ShouldHaveSingleItem();
        record.Athlete.ShouldBe("ken-b");
        record.Mark.ShouldBe(Domain.Mark.Parse("2:05:30"));
    }
}
