using System.Text.Json;

namespace Ledger.Tests;

/// <summary>
/// Marathons that made, or nearly made, world, area and Olympic records, as World Athletics lists them: the men's world
/// record from Khannouchi's 2:05:38 (2002) to Kiptum's 2:00:35 (2023), with the marks that never were records beside them,
/// and the women's record of any race and of women-only races. Each race is a result a command adds.
/// </summary>
public static class MarathonRecords
{
    public sealed record RecordRace(
        string Athlete, string Country, string Sex, string Date, string Competition, string Mark, bool NotRecordEligible = false,
        bool WomenOnly = false, string? Championship = null)
    {
        public string ResultId => $"{Date[..4]}-{Competition.ToLowerInvariant().Replace(' ', '-')}";

        /// <summary>The result's fields as a request's body or a verb's flags give them.</summary>
        public Dictionary<string, object?> Fields() => new()
        {
            ["result_id"] = ResultId, ["date"] = Date, ["competition"] = Competition, ["discipline"] = "marathon", ["mark"] = Mark,
            ["record_eligible"] = NotRecordEligible ? false : null, ["race"] = WomenOnly ? "women_only" : null, ["championship"] = Championship,
        };

        /// <summary>The add-result verb's arguments.</summary>
        public string[] Verb() =>
        [
            "add-result", Athlete, "--result-id", ResultId, "--date", Date, "--competition", Competition, "--discipline", "marathon", "--mark", Mark,
            .. NotRecordEligible ? ["--not-record-eligible"] : Array.Empty<string>(),
            .. WomenOnly ? ["--women-only"] : Array.Empty<string>(),
            .. Championship is { } series ? ["--championship", series] : Array.Empty<string>(),
        ];
    }

    /// <summary>The men's races, in an order no record keeper would enter them in: later marks first, Mutai before Kimetto.</summary>
    public static readonly RecordRace[] Men =
    [
        new("kelvin-kiptum", "KEN", "men", "2023-10-08", "Chicago Marathon", "2:00:35"),
        new("eliud-kipchoge", "KEN", "men", "2019-10-12", "Vienna INEOS Challenge", "1:59:40", NotRecordEligible: true),
        new("emmanuel-mutai", "KEN", "men", "2014-09-28", "Berlin Marathon", "2:03:13"),
        new("haile-gebrselassie", "ETH", "men", "2007-09-30", "Berlin Marathon", "2:04:26"),
        new("khalid-khannouchi", "USA", "men", "2002-04-14", "London Marathon", "2:05:38"),
        new("dennis-kimetto", "KEN", "men", "2014-09-28", "Berlin Marathon", "2:02:57"),
        new("geoffrey-mutai", "KEN", "men", "2011-04-18", "Boston Marathon", "2:03:02", NotRecordEligible: true),
        new("kenenisa-bekele", "ETH", "men", "2019-09-29", "Berlin Marathon", "2:01:41"),
        new("paul-tergat", "KEN", "men", "2003-09-28", "Berlin Marathon", "2:04:55"),
        new("eliud-kipchoge", "KEN", "men", "2022-09-25", "Berlin Marathon", "2:01:09"),
        new("samuel-wanjiru", "KEN", "men", "2008-08-24", "Olympic Games Beijing", "2:06:32", Championship: "olympic_games"),
        new("haile-gebrselassie", "ETH", "men", "2008-09-28", "Berlin Marathon", "2:03:59"),
        new("patrick-makau", "KEN", "men", "2011-09-25", "Berlin Marathon", "2:03:38"),
        new("eliud-kipchoge", "KEN", "men", "2018-09-16", "Berlin Marathon", "2:01:39"),
        new("tamirat-tola", "ETH", "men", "2024-08-10", "Olympic Games Paris", "2:06:26", Championship: "olympic_games"),
        new("wilson-kipsang", "KEN", "men", "2013-09-29", "Berlin Marathon", "2:03:23"),
    ];

    /// <summary>The men's world record as World Athletics ratified it, oldest first: athlete and mark.</summary>
    public static readonly string[] MenWorldRecord =
    [
        "khalid-khannouchi 2:05:38", "paul-tergat 2:04:55", "haile-gebrselassie 2:04:26", "haile-gebrselassie 2:03:59", "patrick-makau 2:03:38",
        "wilson-kipsang 2:03:23", "dennis-kimetto 2:02:57", "eliud-kipchoge 2:01:39", "eliud-kipchoge 2:01:09", "kelvin-kiptum 2:00:35",
    ];

    /// <summary>The women's races: records of any race, and of women-only races, which are slower.</summary>
    public static readonly RecordRace[] Women =
    [
        new("tigst-assefa", "ETH", "women", "2025-04-27", "London Marathon", "2:15:50", WomenOnly: true),
        new("paula-radcliffe", "GBR", "women", "2003-04-13", "London Marathon", "2:15:25"),
        new("mary-keitany", "KEN", "women", "2017-04-23", "London Marathon", "2:17:01", WomenOnly: true),
        new("paula-radcliffe", "GBR", "women", "2002-10-13", "Chicago Marathon", "2:17:18"),
        new("ruth-chepngetich", "KEN", "women", "2024-10-13", "Chicago Marathon", "2:09:56"),
        new("paula-radcliffe", "GBR", "women", "2005-04-17", "London Marathon", "2:17:42", WomenOnly: true),
        new("brigid-kosgei", "KEN", "women", "2019-10-13", "Chicago Marathon", "2:14:04"),
        new("peres-jepchirchir", "KEN", "women", "2024-04-21", "London Marathon", "2:16:16", WomenOnly: true),
        new("tigst-assefa", "ETH", "women", "2023-09-24", "Berlin Marathon", "2:11:53"),
    ];

    public static readonly string[] WomenAnyRace =
    [
        "paula-radcliffe 2:17:18", "paula-radcliffe 2:15:25", "brigid-kosgei 2:14:04", "tigst-assefa 2:11:53", "ruth-chepngetich 2:09:56",
    ];

    public static readonly string[] WomenOnlyRaces = ["paula-radcliffe 2:17:42", "mary-keitany 2:17:01", "peres-jepchirchir 2:16:16", "tigst-assefa 2:15:50"];

    /// <summary>The athletes of these races, registered: lines of an event file.</summary>
    public static string[] Registrations(IEnumerable<RecordRace> races) =>
        races.DistinctBy(r => r.Athlete).Select(r => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "athlete_registered", ["athlete"] = r.Athlete, ["name"] = r.Athlete, ["country"] = r.Country, ["sex"] = r.Sex,
        })).ToArray();

    public static string Shown(string athlete, Mark mark) => $"{athlete} {mark}";
}
