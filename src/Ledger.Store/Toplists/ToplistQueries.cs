using Ledger.Store.Athletes;
using Ledger.Store.Hosting;
using Ledger.Store.Reading;

namespace Ledger.Store.Toplists;

/// <summary>Toplists, read off the listed marks in toplist order: nothing is folded.</summary>
public sealed class ToplistQueries(IDocumentStore store, ReadsFromPrimary? fromPrimary = null) : Reads(store, fromPrimary)
{
    /// <summary>
    /// A toplist, read off the listed marks in toplist order: the first rows of an index, as many as
    /// the list needs. With one entry per athlete, an athlete with several marks near the top takes
    /// more rows than entries, so the rows read grow until the list is full or there are no more.
    /// </summary>
    public async Task<ToplistView> ToplistAsync(ToplistFilter filter, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var marks = new MarksWhere(filter);
        if (!filter.WindAssisted) marks.Where("assisted = false");
        if (filter.Year is { } year) marks.Where("year = ?", year);
        if (filter.Country is { } country) marks.Where("country = ?", country);

        var better = filter.Discipline.LowerIsBetter ? "" : " desc";
        IReadOnlyList<Ranked> ranked;
        for (var rows = filter.AllMarks ? filter.Limit : filter.Limit * 4; ; rows *= 4)
        {
            var read = await ListedMarkRows.ReadAsync(session,
                $"select {ListedMarkRows.ReadColumnNames} from {ListedMarkRows.Name} {marks} " +
                $"order by hundredths{better}, first_day, last_day desc, athlete collate \"C\" limit {rows}", marks.Parameters, cancellation);
            ranked = Toplist.Rank(read, filter.Limit, filter.AllMarks);
            if (ranked.Count == filter.Limit || read.Count < rows) break;
        }

        if (ranked.Count == 0 && filter.Country is { } listed) await AthleteQueries.KnownCountryAsync(session, listed, cancellation);
        if (ranked.Count == 0) await KnownDisciplineAsync(session, filter.Discipline, cancellation);
        var athletes = ranked.Select(r => r.Listed.Athlete).Distinct().ToArray();
        var ofTheAthletes = new MarksWhere(filter).Where("assisted = false").Where("athlete = any(?)", (object)athletes);
        var best = filter.Discipline.LowerIsBetter ? "min" : "max";
        var bests = (await session.QueryAsync<AthleteBest>(
                $"select jsonb_build_object('athlete', athlete, 'hundredths', {best}(hundredths)) " +
                $"from {ListedMarkRows.Name} {ofTheAthletes} group by athlete",
                cancellation, ofTheAthletes.Parameters))
            .ToDictionary(b => b.Athlete, b => b.Hundredths);
        var keys = ranked.Select(r => new RecordList(r.Listed.Country, filter.Sex, filter.Discipline, filter.Indoor).Key).Distinct().ToArray();
        var records = keys.Length == 0 ? [] : await session.LoadManyAsync<RecordProgression>(cancellation, keys);

        var entries = ranked.Select(r =>
        {
            var m = r.Listed;
            return new ToplistEntry(r.Rank, m.Mark, m.Athlete, m.Name, m.Country, m.Date, m.Competition, m.Venue, m.ResultId, m.Wind,
                PersonalBest: bests.GetValueOrDefault(m.Athlete) == m.Hundredths,
                NationalRecord: records.Any(p => p.Scope == m.Country && p.SetBy(m.Athlete, m.Mark, m.ResultId, filter.KnownAt)));
        }).ToList();
        return new ToplistView(filter.Discipline, filter.Sex, filter.Year, filter.Country, filter.AsOf, filter.KnownAt, filter.Indoor, filter.WindAssisted,
            entries);
    }

    /// <summary>
    /// Refuses a discipline that is neither the catalogue's nor marked in the ledger: an empty list of
    /// it would only hide a typo (marthon).
    /// </summary>
    public static async Task KnownDisciplineAsync(IQuerySession session, Discipline discipline, CancellationToken cancellation)
    {
        if (discipline.InCatalogue) return;
        var values = new List<object>();
        var lists = (from sex in Enum.GetValues<Sex>() from indoor in new[] { false, true }
            select $"({ListedMarkRows.InList(values, discipline, sex, indoor)})").ToList();
        var sql = $"select exists (select from {ListedMarkRows.Name} where {string.Join(" or ", lists)})";
        if (!(await session.QueryAsync<bool>(sql, cancellation, values.ToArray())).Single()) throw NotFound.Discipline(discipline);
    }

    private sealed record AthleteBest(string Athlete, long Hundredths);

    /// <summary>
    /// The marks of a discipline and sex, outdoors or indoors, as they had happened by a date and as
    /// the ledger held them at an instant (as it holds them now, when none): a where clause over their columns.
    /// </summary>
    private sealed class MarksWhere
    {
        private readonly List<string> _conditions = [];
        private readonly List<object> _parameters = [];

        public MarksWhere(ToplistFilter filter)
        {
            _conditions.Add(ListedMarkRows.InList(_parameters, filter.Discipline, filter.Sex, filter.Indoor));
            if (filter.AsOf is { } day) Where("last_day <= ?", day);
            if (filter.KnownAt is { } at) Where("known_from <= ? and (known_until is null or known_until > ?)", at, at);
            else Where("known_until is null");
        }

        public object[] Parameters => _parameters.ToArray();

        public MarksWhere Where(string condition, params object[] parameters)
        {
            _conditions.Add(condition);
            _parameters.AddRange(parameters);
            return this;
        }

        public override string ToString() => "where " + string.Join(" and ", _conditions);
    }

}
