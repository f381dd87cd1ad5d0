namespace Ledger.Store.Records;

/// <summary>
/// The records an import of results decides against, held in memory: each list as the ledger holds it, with the claims
/// the rows before have made. The import holds every record's lock (<see cref="AdvisoryLocks"/>), so what it read stays
/// true until it commits.
/// </summary>
public sealed class RecordBook(IQuerySession session, IReadOnlyDictionary<string, Career> careers)
{
    private readonly Dictionary<string, RecordProgression> _progressions = [];

    /// <summary>What a result of the career is weighed against in each list it can claim, as <see cref="StandingRecords"/> says it for a command.</summary>
    public async Task<Func<RecordList, RecordContext>> ContextsAsync(Career career, ResultRecorded result, CancellationToken cancellation)
    {
        if (career.Athlete is not { } athlete) return RecordContext.Empty;
        var lists = RecordList.For(athlete, result).ToList();
        var missing = lists.Select(l => l.Key).Where(k => !_progressions.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            foreach (var loaded in await session.LoadManyAsync<RecordProgression>(cancellation, missing)) _progressions[loaded.Id] = loaded;
        foreach (var list in lists) _progressions.TryAdd(list.Key, RecordProgression.Of(list));

        var unheld = lists.Where(l => _progressions[l.Key].Standing(result.Date.LastDay) is null).ToList();
        // The ledger's marks, and the rows before this one, which are not in it yet; the career itself the decision weighs.
        var stored = await KnownMarks.BestAsync(session, result, unheld, null, cancellation);
        var known = unheld.ToDictionary(l => l.Key, l => careers.Values.Where(c => c.Id != career.Id && c.Athlete is not null)
            .Select(c => c.BestEligible(l, result.Date, null)).Aggregate(stored.GetValueOrDefault(l.Key), l.Discipline.Best));
        return list => new RecordContext(_progressions[list.Key], known.GetValueOrDefault(list.Key));
    }

    /// <summary>The claims and rescinds a decision made, for the rows after it.</summary>
    public void Note(string athlete, IEnumerable<object> events)
    {
        foreach (var e in events)
        foreach (var key in RecordProgression.KeysOf(e))
            if (_progressions.TryGetValue(key, out var progression)) progression.Apply(athlete, e, DateTimeOffset.UtcNow);
    }
}
