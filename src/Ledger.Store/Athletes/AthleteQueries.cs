using Ledger.Store.Hosting;
using Ledger.Store.Reading;

namespace Ledger.Store.Athletes;

/// <summary>Who is in the ledger, read off the athletes' summaries, never their careers.</summary>
public sealed class AthleteQueries(IDocumentStore store, ReadsFromPrimary? fromPrimary = null) : Reads(store, fromPrimary)
{
    /// <summary>One page of the athletes that match, in slug order.</summary>
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
        return summary is { Name.Length: > 0 } ? summary : throw NotFound.Athlete(athlete);
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
        var table = Store.TableOf<AthleteSummary>();
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
    /// Refuses a country no athlete of the ledger has: most often a typo, never an empty answer. Asked
    /// only when a country's answer is empty, so a known country costs nothing more.
    /// </summary>
    public static async Task KnownCountryAsync(IQuerySession session, string country, CancellationToken cancellation)
    {
        if (!await session.Query<AthleteSummary>().AnyAsync(a => a.Country == country, cancellation)) throw NotFound.Country(country);
    }
}
