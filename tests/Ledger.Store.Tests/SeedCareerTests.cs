using System.Text.Json.Nodes;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// events/bat-ochir-ser-od.jsonl through the real store: every read model answers as the article
/// (../shared/seed/bat-ochir-ser-od.txt) does.
/// </summary>
public sealed class SeedCareer : IAsyncLifetime
{
    public LedgerDatabase Database { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.Importer.ImportAsync([Repository.Events], new Actor("tester", "seed"));
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class SeedCareerTests(SeedCareer seed) : IClassFixture<SeedCareer>
{
    private const string Athlete = "bat-ochir-ser-od";
    private CareerQueries Careers => seed.Database.Careers;

    private RecordQueries Records => seed.Database.Records;

    [Fact]
    public async Task The_personal_bests_are_the_articles_list_with_the_10_km_road_best()
    {
        var bests = (await Careers.PersonalBestsAsync(Athlete)).Bests;

        bests.Select(b => (b.Discipline.Code, b.Mark.ToString())).ShouldBe(
        [
            ("marathon", "2:08:50"), ("half-marathon", "1:02:10"), ("10000m", "29:17.72"), ("5000m", "14:12.86"), ("10km", "30:08"),
        ]);
    }

    [Fact]
    public async Task Mongolias_mens_records_are_his_four_national_records()
    {
        var records = (await Records.RecordsAsync("MGL", Sex.Men)).Records;

        records.Select(r => (r.Discipline.Code, r.Mark.ToString(), r.Athlete)).ShouldBe(
        [
            ("marathon", "2:08:50", Athlete), ("half-marathon", "1:02:10", Athlete), ("10000m", "29:17.72", Athlete), ("5000m", "14:12.86", Athlete),
        ]);
    }

    [Fact]
    public async Task The_marathon_record_progressed_from_good_luck_beijing_to_fukuoka()
    {
        var progression = (await Records.RecordHistoryAsync("MGL", Discipline.Parse("marathon"), Sex.Men)).Progression;

        progression.Select(p => p.Mark.ToString()).ShouldBe(["2:14:15", "2:12:42", "2:11:35", "2:11:05", "2:08:50"]);
        progression.Select(p => p.Status)
            .ShouldBe([RecordStatus.Superseded, RecordStatus.Superseded, RecordStatus.Superseded, RecordStatus.Superseded, RecordStatus.Standing]);
        progression.Last().Competition!.ShouldContain("Fukuoka");
    }

    [Fact]
    public async Task Six_olympic_games_with_one_dnf()
    {
        var olympics = await Series("olympic_games");

        (olympics.Editions, olympics.Starts, olympics.Finishes, olympics.Dnf, olympics.BestPlace).ShouldBe((6, 6, 5, 1, 51));
    }

    [Fact]
    public async Task Twelve_world_championships_eleven_finished_best_twentieth()
    {
        var worlds = await Series("world_championships");

        (worlds.Editions, worlds.Finishes, worlds.Dnf, worlds.BestPlace).ShouldBe((12, 11, 1, 20));
    }

    [Fact]
    public async Task The_2013_asian_marathon_title_and_the_2008_silver()
    {
        var asian = await Series("asian_marathon_championships");

        (asian.Gold, asian.Silver, asian.BestPlace).ShouldBe((1, 1, 1));
        (await Series("east_asian_games")).Silver.ShouldBe(1);
    }

    [Theory]
    [InlineData("2003-12-31", "2:26:39")]
    [InlineData("2006-12-31", "2:20:13")]
    [InlineData("2007-12-31", "2:16:22")]
    [InlineData("2008-12-31", "2:14:15")]
    [InlineData("2010-12-31", "2:12:42")]
    [InlineData("2011-12-31", "2:11:35")]
    [InlineData("2012-12-31", "2:11:05")]
    [InlineData("2014-12-06", "2:11:05")]
    [InlineData("2014-12-31", "2:08:50")]
    [InlineData("2024-12-31", "2:08:50")]
    public async Task The_marathon_best_at_a_date_is_the_one_the_article_tells_of(string asOf, string best)
    {
        var bests = (await Careers.PersonalBestsAsync(Athlete, DateOnly.Parse(asOf))).Bests;

        bests.Single(b => b.Discipline.Code == "marathon").Mark.ToString().ShouldBe(best);
    }

    [Fact]
    public async Task Before_his_first_race_he_has_no_bests()
    {
        (await Careers.PersonalBestsAsync(Athlete, new DateOnly(2001, 12, 31))).Bests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_event_says_where_in_the_article_it_comes_from()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(Repository.Events, $"{Athlete}.jsonl"));

        lines.ShouldAllBe(line => !string.IsNullOrWhiteSpace((string?)JsonNode.Parse(line, null, default)!["source"]));
    }

    [Fact]
    public async Task Club_and_honours_are_in_the_timeline()
    {
        var types = (await Careers.TimelineAsync(Athlete)).Events.Select(e => e.Type).ToList();

        types.ShouldContain("club_joined");
        types.Count(t => t == "honour_awarded").ShouldBeGreaterThanOrEqualTo(3);
    }

    private async Task<ChampionshipCount> Series(string series) =>
        (await Careers.ChampionshipsAsync(Athlete)).Championships.Single(c => c.Championship.Code == series);
}
