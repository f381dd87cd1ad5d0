using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Ledger.Domain;
using Marten;

namespace Ledger.Store;

/// <summary>A read named something the ledger does not hold: 404 over HTTP, a refusal on the command line.</summary>
public abstract class NotInLedger(string message) : Exception(message);

public sealed class AthleteNotFound(string athlete) : NotInLedger($"no athlete '{athlete}' in the ledger");

/// <summary>A country no athlete of the ledger has: most often a typo, never an empty answer.</summary>
public sealed class CountryNotFound(string country) : NotInLedger($"no athlete of country '{country}' in the ledger");

/// <summary>
/// The read side. Domain time (<c>asOf</c>: when it happened) is read off the projected documents by
/// each fact's own date; system time (<c>knownAt</c>: what the ledger knew) comes from Marten's time
/// travel over one stream, or from the record documents, which keep when each entry was learned.
/// </summary>
/// <param name="fromPrimary">
/// Whether to read from the primary even where the store sends query sessions to a standby, which may
/// lag: a writer then reads what it has just written. A document session always reads from the primary.
/// </param>
public sealed class Queries(IDocumentStore store, ReadsFromPrimary? fromPrimary = null)
{
    private IQuerySession Session() => fromPrimary?.Invoke() == true ? store.LightweightSession() : store.QuerySession();

    /// <summary>One page of the athletes that match, in slug order, read off their summaries.</summary>
    public async Task<AthletesView> AthletesAsync(AthleteFilter? filter = null, CancellationToken cancellation = default)
    {
        filter ??= new AthleteFilter();
        await using var session = Session();
        var query = session.Query<AthleteSummary>().AsQueryable();
        if (filter.Country is { } country) query = query.Where(a => a.Country == country);
        if (filter.Sex is { } sex) query = query.Where(a => a.Sex == sex);
        if (filter.Search is { } search) query = query.Where(a => a.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        // Counted apart from the page: a count over the page's query would work out every matching
        // athlete's fields, where the count alone reads only the indexed columns.
        var total = await query.CountAsync(cancellation);
        var athletes = await query.OrderBy(a => a.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellation);
        return new AthletesView(athletes.Select(a => new AthleteEntry(a.Id, a.Name, a.Country, a.Sex, a.MainDiscipline, a.Best)).ToList(),
            filter.Page, filter.PageSize, total);
    }

    /// <summary>The summary of one athlete: who they are and the outline of their career.</summary>
    public async Task<AthleteSummary> SummaryAsync(string athlete, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var summary = await session.LoadAsync<AthleteSummary>(athlete, cancellation);
        return summary is { Name.Length: > 0 } ? summary : throw new AthleteNotFound(athlete);
    }

    /// <summary>The names of the athletes given, by slug: a page that names athletes reads only theirs.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> athletes, CancellationToken cancellation = default)
    {
        var slugs = athletes.Distinct().ToArray();
        if (slugs.Length == 0) return new Dictionary<string, string>();
        await using var session = Session();
        var named = await session.Query<AthleteSummary>().Where(a => a.Id.IsOneOf(slugs)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellation);
        return named.ToDictionary(a => a.Id, a => a.Name);
    }

    /// <summary>
    /// The countries of the ledger's athletes, in code order. A distinct over every summary would read
    /// them all; this walks the country index from one country to the next, a few dozen probes.
    /// </summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken cancellation = default)
    {
        await using var session = Session();
        var table = store.TableOf<AthleteSummary>();
        return await session.QueryAsync<string>($"""
            with recursive countries(country) as (
              (select country from {table} where country is not null order by country limit 1)
              union all
              select (select country from {table} where country > countries.country order by country limit 1)
              from countries where countries.country is not null)
            select country from countries where country is not null
            """, cancellation);
    }

    /// <summary>
    /// What every read of the athlete depends on: the version of the stream and when it last grew
    /// ("0" when there is none). The time tells apart a ledger emptied and filled again.
    /// </summary>
    public async Task<string> StreamStateAsync(string athlete, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var state = await session.Events.FetchStreamStateAsync(athlete, cancellation);
        return state is null ? "0" : $"{state.Version}.{state.LastTimestamp.UtcTicks}";
    }

    /// <summary>What every read of the whole ledger depends on: its last event, by sequence and time ("0" when none).</summary>
    public async Task<string> LastEventAsync(CancellationToken cancellation = default)
    {
        await using var session = Session();
        var last = await session.QueryAsync<string>(
            $"select seq_id || '.' || (extract(epoch from timestamp) * 1000000)::bigint from {store.Options.Events.DatabaseSchemaName}.mt_events order by seq_id desc limit 1",
            cancellation);
        return last.SingleOrDefault() ?? "0";
    }

    /// <summary>Asked only when a country's answer is empty, so a known country costs nothing more.</summary>
    private async Task KnownCountryAsync(string country, CancellationToken cancellation)
    {
        await using var session = Session();
        if (!await session.Query<AthleteSummary>().AnyAsync(a => a.Country == country, cancellation)) throw new CountryNotFound(country);
    }

    public async Task<PbsView> PersonalBestsAsync(string athlete, DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken cancellation = default)
    {
        var career = await CareerAsync(athlete, knownAt, cancellation);
        var bests = career?.PersonalBests(asOf) ?? [];
        return new PbsView(athlete, asOf, knownAt, bests.Select(BestView.Of).ToList(), Conditions.Legend(bests));
    }

    /// <summary>What a profile shows as of a date, from one read of the career.</summary>
    public async Task<Profile> ProfileAsync(string athlete, DateOnly? asOf = null, CancellationToken cancellation = default) =>
        (await CareerAsync(athlete, null, cancellation))!.ProfileAsOf(asOf);

    public async Task<ChampionshipsView> ChampionshipsAsync(string athlete, DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken cancellation = default)
    {
        var career = await CareerAsync(athlete, knownAt, cancellation);
        return new ChampionshipsView(athlete, asOf, career?.Championships(asOf) ?? []);
    }

    public async Task<TimelineView> TimelineAsync(string athlete, DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken cancellation = default)
    {
        var career = await CareerAsync(athlete, knownAt, cancellation);
        var events = career?.Timeline(asOf).Select(entry => new TimelineEntryView(entry.Date, entry.Event)).ToList() ?? [];
        return new TimelineView(athlete, asOf, events);
    }

    public async Task<RecordsView> RecordsAsync(string country, Sex? sex = null, DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var progressions = await session.Query<NationalRecordProgression>().Where(p => p.Country == country).ToListAsync(cancellation);
        if (progressions.Count == 0) await KnownCountryAsync(country, cancellation);
        var records = progressions
            .Where(p => sex is null || p.Sex == sex)
            .Select(p => (p, standing: p.Standing(asOf, knownAt)))
            .Where(x => x.standing is not null)
            .Select(x => new RecordView(x.p.Discipline, x.p.Sex, x.standing!.Mark, x.standing.Athlete, x.standing.Date, x.standing.Competition, x.p.Indoor))
            .OrderBy(r => r.Sex).ThenBy(r => r.Discipline, Discipline.InListOrder).ThenBy(r => r.Indoor)
            .ToList();
        return new RecordsView(country, asOf, knownAt, records);
    }

    public async Task<RecordHistoryView> RecordHistoryAsync(string country, Discipline discipline, Sex sex, DateTimeOffset? knownAt = null, bool indoor = false, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var progression = await session.LoadAsync<NationalRecordProgression>(NationalRecordProgression.KeyOf(country, sex, discipline, indoor), cancellation);
        if (progression is null) await KnownCountryAsync(country, cancellation);
        var history = progression?.History(knownAt).Select(h => new ProgressionView(
            h.Entry.Mark, h.Entry.Athlete, h.Entry.Date, h.Entry.Competition, h.Entry.RecordedAt, h.Status,
            h.Entry.RescindedAt, h.Entry.RescindReason)).ToList() ?? [];
        return new RecordHistoryView(country, discipline, sex, indoor, history);
    }

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
            var read = await session.QueryAsync<ListedMark>($"{marks} order by hundredths{better}, first_day, last_day desc, athlete collate \"C\" limit {rows}", cancellation, marks.Parameters);
            ranked = Toplist.Rank(read, filter.Limit, filter.AllMarks);
            if (ranked.Count == filter.Limit || read.Count < rows) break;
        }

        if (ranked.Count == 0 && filter.Country is { } listed) await KnownCountryAsync(listed, cancellation);
        var athletes = ranked.Select(r => r.Listed.Athlete).Distinct().ToArray();
        var ofTheAthletes = new MarksWhere(filter).Where("assisted = false").Where("athlete = any(?)", (object)athletes);
        var best = filter.Discipline.LowerIsBetter ? "min" : "max";
        var bests = (await session.QueryAsync<AthleteBest>(
                $"select jsonb_build_object('athlete', athlete, 'hundredths', {best}(hundredths)) from {store.TableOf<ListedMark>()} {ofTheAthletes} group by athlete",
                cancellation, ofTheAthletes.Parameters))
            .ToDictionary(b => b.Athlete, b => b.Hundredths);
        var keys = ranked.Select(r => NationalRecordProgression.KeyOf(r.Listed.Country, filter.Sex, filter.Discipline, filter.Indoor)).Distinct().ToArray();
        var records = keys.Length == 0 ? [] : await session.LoadManyAsync<NationalRecordProgression>(cancellation, keys);

        var entries = ranked.Select(r =>
        {
            var m = r.Listed;
            return new ToplistEntry(r.Rank, m.Mark, m.Athlete, m.Name, m.Country, m.Date, m.Competition, m.Venue, m.ResultId, m.Wind,
                PersonalBest: bests.GetValueOrDefault(m.Athlete) == m.Hundredths,
                NationalRecord: records.Any(p => p.Country == m.Country && p.SetBy(m.Athlete, m.Mark, m.ResultId, filter.KnownAt)));
        }).ToList();
        return new ToplistView(filter.Discipline, filter.Sex, filter.Year, filter.Country, filter.AsOf, filter.KnownAt, filter.Indoor, filter.WindAssisted, entries);
    }

    private sealed record AthleteBest(string Athlete, long Hundredths);

    /// <summary>
    /// The marks of a discipline and sex, outdoors or indoors, as they had happened by a date and as
    /// the ledger held them at an instant (as it holds them now, when none): a where clause over their columns.
    /// </summary>
    private sealed class MarksWhere
    {
        private readonly List<string> _conditions = ["discipline = ?", "sex = ?", "indoor = ?"];
        private readonly List<object> _parameters = [];

        public MarksWhere(ToplistFilter filter)
        {
            _parameters.AddRange([filter.Discipline.Code, filter.Sex.ToString(), filter.Indoor]);
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

    /// <summary>Every event as appended, with who and when; a correction shows the result before and after.</summary>
    public async Task<AuditView> AuditAsync(string athlete, CancellationToken cancellation = default)
    {
        await using var session = Session();
        var stream = await session.Events.FetchStreamAsync(athlete, token: cancellation);
        if (stream.Count == 0) throw new AthleteNotFound(athlete);

        var career = new Career { Id = athlete };
        var events = new List<AuditEntryView>();
        foreach (var e in stream)
        {
            var before = e.Data is ResultCorrected correction ? career.FindResult(correction.ResultId)?.Result : null;
            events.Add(new AuditEntryView(e.Version, e.Timestamp.ToUniversalTime(), e.EventTypeName, e.UserName, e.CorrelationId, e.Id, e.Data,
                before, before is null ? null : Career.CorrectedBy(before, (ResultCorrected)e.Data)));
            career.Fold(e.Data);
        }

        return new AuditView(athlete, events);
    }

    /// <summary>
    /// The career folded from the athlete's stream, all of it or as the ledger knew it at
    /// <paramref name="knownAt"/> (null if the athlete was not registered yet then).
    /// </summary>
    private async Task<Career?> CareerAsync(string athlete, DateTimeOffset? knownAt, CancellationToken cancellation)
    {
        await using var session = Session();
        var career = await session.Events.AggregateStreamAsync<Career>(athlete, timestamp: knownAt, token: cancellation);
        if (career?.Athlete is not null) return career;
        if (knownAt is not null && await session.LoadAsync<AthleteSummary>(athlete, cancellation) is { Name.Length: > 0 }) return null;
        throw new AthleteNotFound(athlete);
    }
}
