namespace Ledger.Store.Records;

/// <summary>
/// The records an import of results decides against, held in memory: each list as the ledger holds it, with the claims
/// the rows before have made, and the eligible marks it is weighed against where no record stands: the ledger's, read once
/// per discipline and sex (<see cref="KnownMarks.AllAsync"/>) and kept per list as the steps of its best over time, and those of
/// the rows before. The import
/// holds every record's lock (<see cref="AdvisoryLocks"/>), so what it read stays true until it commits.
/// </summary>
public sealed class RecordBook(IQuerySession session, IReadOnlyDictionary<string, Career> careers)
{
    private readonly Dictionary<string, RecordProgression> _progressions = [];
    private readonly Dictionary<(Discipline, Sex, bool), IReadOnlyList<KnownMarks.Known>> _known = [];
    private readonly Dictionary<string, IReadOnlyList<(DateOnly Day, Mark Mark)>> _steps = [];
    private readonly Dictionary<string, RowsBefore> _rows = [];

    /// <summary>Loads the progressions of every list these results can claim, in one round trip rather than one per list.</summary>
    public async Task LoadAsync(IEnumerable<(AthleteRegistered? Athlete, ResultRecorded Result)> results, CancellationToken cancellation)
    {
        var lists = results.Where(r => r.Athlete is not null).SelectMany(r => RecordList.For(r.Athlete!, r.Result)).DistinctBy(l => l.Key).ToList();
        foreach (var loaded in await session.LoadManyAsync<RecordProgression>(cancellation, lists.Select(l => l.Key))) _progressions[loaded.Id] = loaded;
        foreach (var list in lists) _progressions.TryAdd(list.Key, RecordProgression.Of(list));
    }

    /// <summary>What a result of the career is weighed against in each list it can claim, as <see cref="StandingRecords"/> says it for a command.</summary>
    public async Task<Func<RecordList, RecordContext>> ContextsAsync(Career career, ResultRecorded result, CancellationToken cancellation)
    {
        if (career.Athlete is not { } athlete) return RecordContext.Empty;
        var lists = RecordList.For(athlete, result).ToList();
        var missing = lists.Select(l => l.Key).Where(k => !_progressions.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            foreach (var loaded in await session.LoadManyAsync<RecordProgression>(cancellation, missing)) _progressions[loaded.Id] = loaded;
        foreach (var list in lists) _progressions.TryAdd(list.Key, RecordProgression.Of(list));

        var day = result.Date.LastDay;
        var known = new Dictionary<string, Mark?>();
        foreach (var list in lists.Where(l => _progressions[l.Key].Standing(day) is null))
        {
            if (!_steps.TryGetValue(list.Key, out var steps))
            {
                var of = (list.Discipline, list.Sex, list.Indoor);
                if (!_known.TryGetValue(of, out var marks))
                    _known[of] = marks = await KnownMarks.AllAsync(session, of.Discipline, of.Sex, of.Indoor, cancellation);
                _steps[list.Key] = steps = KnownMarks.Steps(marks, list);
            }

            known[list.Key] = list.Discipline.Best(KnownMarks.BestBy(steps, day), _rows.GetValueOrDefault(list.Key)?.BestBy(day));
        }

        return list => new RecordContext(_progressions[list.Key], known.GetValueOrDefault(list.Key));
    }

    /// <summary>The results, claims and rescinds a decision made, for the rows after it.</summary>
    public void Note(string athlete, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            if (e is ResultRecorded { } result && result.EligibleMark() is { } mark && careers[athlete].Athlete is { } registered)
                foreach (var list in RecordList.For(registered, result))
                {
                    if (!_rows.TryGetValue(list.Key, out var rows)) _rows[list.Key] = rows = new RowsBefore(list.Discipline);
                    rows.Add(result.Date.LastDay, mark);
                }

            foreach (var key in RecordProgression.KeysOf(e))
                if (_progressions.TryGetValue(key, out var progression)) progression.Apply(athlete, e, DateTimeOffset.UtcNow);
        }
    }
}

/// <summary>
/// The eligible marks of the rows decided so far in one list, as a running best: rows come in date order, so a mark joins the best
/// once a row of its day or later asks, and one of a later day (a partial date sorts by its first day) waits until then.
/// </summary>
internal sealed class RowsBefore(Discipline discipline)
{
    private readonly List<(DateOnly Day, Mark Mark)> _waiting = [];
    private Mark? _best;

    public void Add(DateOnly day, Mark mark) => _waiting.Add((day, mark));

    public Mark? BestBy(DateOnly day)
    {
        foreach (var row in _waiting.Where(r => r.Day <= day)) _best = discipline.Best(_best, row.Mark);
        _waiting.RemoveAll(r => r.Day <= day);
        return _best;
    }
}
