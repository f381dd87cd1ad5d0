namespace Ledger.Store.Records;

/// <summary>
/// The national records an import of results decides against, held in memory: each as the ledger holds
/// it, with the records the rows before have set. The import holds every record's lock (<see cref="AdvisoryLocks"/>),
/// so what it read stays true until it commits.
/// </summary>
public sealed class RecordBook(IQuerySession session, IReadOnlyDictionary<string, Career> careers)
{
    private readonly Dictionary<string, NationalRecordProgression> _progressions = [];
    private readonly Dictionary<(string, Sex), IReadOnlyList<AthleteSummary>> _compatriots = [];

    /// <summary>
    /// What a result of the career in <paramref name="discipline"/> is weighed against, as <see cref="StandingRecords"/>
    /// says it for a command.
    /// </summary>
    public async Task<RecordContext> ContextAsync(Career career, Discipline discipline, bool indoor, CancellationToken cancellation)
    {
        var (country, sex) = (career.Athlete!.Country, career.Athlete.Sex);
        var key = NationalRecordProgression.KeyOf(country, sex, discipline, indoor);
        if (!_progressions.TryGetValue(key, out var progression))
            _progressions[key] = progression = await session.LoadAsync<NationalRecordProgression>(key, cancellation) ?? new NationalRecordProgression();
        if (progression.Standing() is { } standing) return new RecordContext(standing, null);

        if (!_compatriots.TryGetValue((country, sex), out var compatriots))
            _compatriots[(country, sex)] = compatriots =
                await session.Query<AthleteSummary>().Where(a => a.Country == country && a.Sex == sex).ToListAsync(cancellation);
        // The careers of this import, the athlete's own among them, are newer than their summaries.
        var known = compatriots.Where(a => !careers.ContainsKey(a.Id)).Select(a => a.BestEligible(discipline, indoor))
            .Concat(careers.Values.Where(c => c.Athlete?.Country == country && c.Athlete.Sex == sex).Select(c => c.BestEligible(discipline, indoor)))
            .Aggregate((Mark?)null, discipline.Best);
        return new RecordContext(null, known);
    }

    /// <summary>The records a decision set or rescinded, for the rows after it.</summary>
    public void Note(string athlete, IEnumerable<object> events)
    {
        foreach (var e in events)
            if (NationalRecordProgression.KeyOf(e) is { } key)
            {
                if (!_progressions.TryGetValue(key, out var progression)) _progressions[key] = progression = new NationalRecordProgression();
                progression.Apply(athlete, e, DateTimeOffset.UtcNow);
            }
    }
}
