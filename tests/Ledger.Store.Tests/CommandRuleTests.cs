using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// The rules of the writing commands, sent through the bus in process as the CLI and the API send
/// them, their input read by the one reader both use: typed answers, and what the ledger then says.
/// </summary>
public sealed class CommandRuleTests(ApiHost api) : IClassFixture<ApiHost>, IAsyncLifetime
{
    private const string Athlete = Lines.Athlete;
    private const string Rotterdam = "2026-04-12-rotterdam-marathon-marathon";
    private LedgerDatabase Db => api.Database;

    public async ValueTask InitializeAsync() => await Db.ResetToAsync(Lines.RecordHolder);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<int> AuditCount(string athlete = Athlete) => (await Db.Audit.AuditAsync(athlete)).Events.Count;

    /// <summary>A result as a verb's flags or a body give it: its fields, read by the commands' one reader.</summary>
    private Task<ResultAnswer> Add(JsonObject fields, string athlete = Athlete, string user = "tester") =>
        api.SendAsync<ResultAnswer>(new RecordResult(athlete, CommandInput.Read<ResultRecorded>(athlete, fields), user));

    private Task<ResultAnswer> AddMarathon(string mark, string athlete = Athlete) =>
        Add(new JsonObject { ["date"] = "2026-04-12", ["competition"] = "Rotterdam Marathon", ["discipline"] = "marathon", ["mark"] = mark, ["place"] = 3 },
            athlete);

    [Fact]
    public async Task A_faster_marathon_is_a_personal_best_and_a_national_record_named_from_the_race()
    {
        (await AddMarathon("2:07:59")).ShouldBe(new ResultAnswer(Rotterdam, PersonalBest: true, NationalRecord: true, ["world", "asia", "MGL"]));
        (await Db.Records.RecordsAsync("MGL")).Records.ShouldHaveSingleItem().Mark.ToString().ShouldBe("2:07:59");
    }

    [Fact]
    public async Task A_slower_marathon_is_neither_best_nor_record() =>
        (await AddMarathon("2:20:00")).ShouldBe(new ResultAnswer(Rotterdam, PersonalBest: false, NationalRecord: false, []));

    [Fact]
    public async Task Annulling_the_record_rescinds_it_and_the_previous_record_stands_again()
    {
        await AddMarathon("2:07:59");

        await api.SendAsync<ResultAnswer>(new AnnulResult(Athlete, new ResultAnnulled(Rotterdam, "positive test"), "tester"));

        (await Db.Careers.PersonalBestsAsync(Athlete)).Bests.Single().Mark.ToString().ShouldBe("2:12:42");
        var history = (await Db.Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men)).Progression;
        history.Select(p => (p.Mark.ToString(), p.Status)).ShouldBe([("2:12:42", RecordStatus.Standing), ("2:07:59", RecordStatus.Rescinded)]);
        history[1].RescindReason!.ShouldContain("positive test");
    }

    [Fact]
    public async Task Correcting_the_record_mark_slower_rescinds_it_and_weighs_the_corrected_mark_again()
    {
        await AddMarathon("2:07:59");

        var corrected = await api.SendAsync<ResultAnswer>(new CorrectResult(Athlete,
            CommandInput.Read<ResultCorrected>(Athlete, new JsonObject { ["result_id"] = Rotterdam, ["mark"] = "2:11:59", ["reason"] = "timing error" }),
            "tester"));

        corrected.NationalRecord.ShouldBeTrue();
        (await Db.Records.RecordsAsync("MGL")).Records.Single().Mark.ToString().ShouldBe("2:11:59");
        var correction = (await Db.Audit.AuditAsync(Athlete)).Events.Single(e => e.Event is ResultCorrected);
        (correction.ResultBefore!.Mark.ToString(), correction.ResultAfter!.Mark.ToString(), ((ResultCorrected)correction.Event).Reason)
            .ShouldBe(("2:07:59", "2:11:59", "timing error"));
    }

    [Fact]
    public async Task A_womens_result_never_touches_the_mens_record()
    {
        await api.SendAsync<AthleteAnswer>(new RegisterAthlete("otgonbayar",
            CommandInput.Read<AthleteRegistered>("otgonbayar",
                new JsonObject { ["name"] = "Luvsanlkhündegiin Otgonbayar", ["country"] = "MGL", ["sex"] = "women", ["born"] = "1982" }),
            "tester"));

        (await AddMarathon("2:30:00", athlete: "otgonbayar")).NationalRecord.ShouldBeTrue();

        (await Db.Records.RecordsAsync("MGL")).Records.Select(r => (r.Sex, r.Mark.ToString())).ShouldBe([(Sex.Men, "2:12:42"), (Sex.Women, "2:30:00")]);
    }

    [Fact]
    public async Task Every_append_records_the_user_and_a_correlation_id()
    {
        await api.SendAsync<AthleteAnswer>(new AwardHonour(Athlete,
            new HonourAwarded("flag_bearer", "2012 Olympic Games opening ceremony", PartialDate.Parse("2012-07-27")), "statistician"));

        var honour = (await Db.Audit.AuditAsync(Athlete)).Events.Last();
        (honour.Event, honour.User)
            .ShouldBe((new HonourAwarded("flag_bearer", "2012 Olympic Games opening ceremony", PartialDate.Parse("2012-07-27")), "statistician"));
        honour.CorrelationId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Club_moves_are_recorded_in_the_timeline_in_date_order()
    {
        await api.SendAsync<AthleteAnswer>(new JoinClub(Athlete, new ClubJoined("Morpeth Harriers", PartialDate.Parse("2009-04"), "Morpeth"), "tester"));
        await api.SendAsync<AthleteAnswer>(new LeaveClub(Athlete, new ClubLeft("Morpeth Harriers", PartialDate.Parse("2020")), "tester"));

        (await Db.Careers.TimelineAsync(Athlete)).Events.Select(e => (e.Date.ToString(), e.Type))
            .ShouldBe([("2009-04", "club_joined"), ("2010-09-26", "result_recorded"), ("2010-09-26", "national_record_set"), ("2020", "club_left")]);
    }

    [Fact]
    public async Task A_command_sent_again_with_its_id_appends_nothing_and_is_answered_as_the_first_time()
    {
        var fields = new JsonObject { ["date"] = "2026-04-12", ["competition"] = "Rotterdam Marathon", ["discipline"] = "marathon", ["mark"] = "2:07:59" };
        var add = Write.All.Single(w => w.Command == typeof(RecordResult));
        var command = (RecordResult)add.Make(Athlete, fields, "tester", CommandId.Of("rotterdam-once", "tester", "command-id"));
        var first = await api.SendAsync(command);
        var after = await AuditCount();

        var again = await Task.WhenAll(api.SendAsync(command), api.SendAsync(command));

        first.ShouldBe(new ResultAnswer(Rotterdam, PersonalBest: true, NationalRecord: true, ["world", "asia", "MGL"]));
        again.ShouldAllBe(answer => answer == first.Replay());
        (await AuditCount()).ShouldBe(after);
    }

    public static TheoryData<string, string, string> RefusedResults => new()
    {
        { "nobody", """{"date":"2026-01-01","competition":"X","discipline":"marathon","mark":"2:30:00"}""", "athlete" },
        { Athlete, """{"date":"2026-01-01","competition":"X","discipline":"marathon","mark":"2:61:00"}""", "mark" },
        { Athlete, """{"date":"2026-02-30","competition":"X","discipline":"marathon","mark":"2:30:00"}""", "date" },
        { Athlete, """{"date":"2026-01-01","competition":"X","discipline":"marathon","mark":"2:30:00","place":0}""", "place" },
        { Athlete, """{"date":"2026-01-01","competition":" ","discipline":"marathon","mark":"2:30:00"}""", "competition" },
        { Athlete, """{"date":"2026-01-01","competition":"X","discipline":"marathon","mark":"2:30:00","championship":"diamond_league"}""", "championship" },
        { Athlete, """{"date":"2026-01-01","competition":"X","discipline":"marathon","mark":"2:30:00","status":"dnf"}""", "mark" },
        { Athlete, """{"date":"1970-01-01","competition":"X","discipline":"marathon","mark":"2:30:00"}""", "date" },
    };

    [Theory]
    [MemberData(nameof(RefusedResults))]
    public async Task A_refused_result_names_its_field_and_appends_nothing(string athlete, string fields, string field)
    {
        var before = await AuditCount();

        var refused = await Should.ThrowAsync<Refused>(() => Add(JsonNode.Parse(fields)!.AsObject(), athlete));

        refused.Problems.Select(p => p.Field).ShouldContain(field, refused.Message);
        (await AuditCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Registering_an_athlete_again_or_annulling_an_unknown_result_is_refused_and_appends_nothing()
    {
        var before = await AuditCount();

        (await Should.ThrowAsync<Refused>(() =>
                api.SendAsync<AthleteAnswer>(new RegisterAthlete(Athlete, new AthleteRegistered("Again", "MGL", Sex.Men), "tester"))))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("athlete");
        (await Should.ThrowAsync<Refused>(() => api.SendAsync<ResultAnswer>(new AnnulResult(Athlete, new ResultAnnulled("no-such-result", "x"), "tester"))))
            .Problems.ShouldHaveSingleItem().Field.ShouldBe("result_id");
        (await AuditCount()).ShouldBe(before);
    }
}
