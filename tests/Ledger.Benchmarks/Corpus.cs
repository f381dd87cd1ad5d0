namespace Ledger.Benchmarks;

/// <summary>
/// A synthetic ledger, the same for the same seed: athletes of many countries racing the common
/// disciplines over the years, with championships, national records as they fall, and a few
/// corrections and annulments.
/// </summary>
public static class Corpus
{
    // IOC codes. The first 20 are the --events ledger's, so its corpus stays what it was.
    private static readonly string[] Countries =
    [
        "MGL", "KEN", "ETH", "JPN", "GBR", "USA", "CHN", "KOR", "FRA", "GER", "ITA", "ESP", "BRA", "MEX", "CAN", "AUS", "NOR", "UGA", "MAR", "ERI",
        "NZL", "RSA", "TAN", "BRN", "QAT", "ISR", "NED", "BEL", "SUI", "POR", "POL", "SWE", "FIN", "IRL", "ARG", "PER", "ECU", "IND", "TUR", "UKR",
    ];

    // Discipline, fastest and slowest plausible mark in seconds, and how a mark is written.
    private static readonly (string Code, int Fast, int Slow, Func<int, int, string> Write)[] Disciplines =
    [
        ("marathon", 2 * 3600 + 5 * 60, 2 * 3600 + 50 * 60, (s, _) => $"{s / 3600}:{s / 60 % 60:D2}:{s % 60:D2}"),
        ("half-marathon", 59 * 60, 75 * 60, (s, _) => $"{s / 3600}:{s / 60 % 60:D2}:{s % 60:D2}"),
        ("10000m", 27 * 60, 34 * 60, (s, h) => $"{s / 60}:{s % 60:D2}.{h:D2}"),
        ("5000m", 13 * 60, 16 * 60, (s, h) => $"{s / 60}:{s % 60:D2}.{h:D2}"),
        ("10km", 27 * 60, 35 * 60, (s, _) => $"{s / 60}:{s % 60:D2}"),
    ];

    /// <summary>
    /// <c>--events</c>: the ledger cut at that many events, as the figures published so far were
    /// measured: athletes of the first 20 countries, with at most 40 results each.
    /// </summary>
    public static IEnumerable<EventEnvelope> Generate(int events, int seed) =>
        Careers(seed, Countries[..20], races: 40).SelectMany(career => career).Take(events);

    /// <summary><c>--athletes</c>: a federation of that many whole careers over all 40 countries, about 50 events each.</summary>
    public static IEnumerable<EventEnvelope> Federation(int athletes, int seed) =>
        Careers(seed, Countries, races: 48).Take(athletes).SelectMany(career => career);

    /// <summary>
    /// The events as files of the ledger's format, in a new folder named from <paramref name="prefix"/>, and the athletes and
    /// countries they hold, in the order they first appear.
    /// </summary>
    public static async Task<(string Folder, List<string> Athletes, List<string> Countries)> WriteAsync(IReadOnlyList<EventEnvelope> events, string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (var (chunk, i) in events.Chunk(50_000).Select((c, i) => (c, i)))
            await File.WriteAllLinesAsync(Path.Combine(folder, $"corpus-{i:D4}.jsonl"), chunk.Select(EventFormat.Write));
        return (folder, events.Select(e => e.Athlete).Distinct().ToList(),
            events.Select(e => e.Data).OfType<AthleteRegistered>().Select(r => r.Country).Distinct().ToList());
    }

    /// <summary>One career after another, without end: its events in the order they are appended.</summary>
    private static IEnumerable<List<EventEnvelope>> Careers(int seed, string[] countries, int races)
    {
        var random = new Random(seed);
        var records = new Dictionary<(string, Sex, string), Mark>();
        for (var a = 0; ; a++)
        {
            var athlete = $"athlete-{a:D6}";
            var (country, sex) = (countries[random.Next(countries.Length)], random.Next(2) == 0 ? Sex.Men : Sex.Women);
            // Careers end before today: the ledger refuses a result dated in the future.
            var born = 1955 + random.Next(40);
            List<EventEnvelope> career = [new(athlete, new AthleteRegistered($"Athlete {a}", country, sex, PartialDate.Parse($"{born}")))];

            var results = new List<ResultRecorded>();
            var date = new DateOnly(born + 18, 1, 1);
            for (var r = 0; r < races; r++)
            {
                date = date.AddDays(20 + random.Next(60));
                var (code, fast, slow, write) = Disciplines[random.Next(Disciplines.Length)];
                var discipline = Discipline.Parse(code);
                var dnf = random.Next(25) == 0;
                // Women a tenth slower, so no mark is faster than the world record of its sex.
                (fast, slow) = sex == Sex.Women ? (fast * 11 / 10, slow * 11 / 10) : (fast, slow);
                var mark = dnf ? (Mark?)null : Mark.Parse(write(fast + random.Next(slow - fast), random.Next(100)));
                var championship = random.Next(6) == 0 ? Championship.Parse(Championship.Series[random.Next(Championship.Series.Count)]) : (Championship?)null;
                var result = new ResultRecorded($"r{r}", PartialDate.Of(date), $"Race {random.Next(500)}", discipline,
                    dnf ? ResultStatus.Dnf : ResultStatus.Finished, mark, dnf ? null : 1 + random.Next(60), Championship: championship);
                results.Add(result);
                career.Add(new(athlete, result));

                var key = (country, sex, code);
                if (mark is { } m && (!records.TryGetValue(key, out var standing) || discipline.Beats(m, standing)))
                {
                    records[key] = m;
                    career.Add(new(athlete, new NationalRecordSet(discipline, m, result.Date, country, sex, result.ResultId, result.Competition)));
                }
            }

            if (random.Next(10) == 0 && results.FirstOrDefault(r => r.Mark is not null) is { } corrected)
                career.Add(new(athlete, new ResultCorrected(corrected.ResultId, "timing reviewed", Place: 1 + random.Next(60))));

            if (random.Next(20) == 0 && results.LastOrDefault() is { } annulled)
                career.Add(new(athlete, new ResultAnnulled(annulled.ResultId, "wrong athlete")));

            yield return career;
        }
    }
}
