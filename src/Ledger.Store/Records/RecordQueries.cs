using Ledger.Store.Athletes;
using Ledger.Store.Reading;
using Ledger.Store.Toplists;

namespace Ledger.Store.Records;

/// <summary>Records of any scope, read off their progressions: any domain date and any moment of knowledge from the same entries.</summary>
public sealed class RecordQueries(IDocumentStore store, ReadsFromPrimary? fromPrimary = null) : Reads(store, fromPrimary)
{
    /// <param name="ratifiedOnly">The records as ratified: a pending claim is left out, and the record before it shows.</param>
    /// <param name="womenOnly">The women-only road records, in place of those of any race.</param>
    public async Task<RecordsView> RecordsAsync(string scope, Sex? sex = null, DateOnly? asOf = null, DateTimeOffset? knownAt = null,
        bool ratifiedOnly = false, bool womenOnly = false, CancellationToken cancellation = default)
    {
        scope = Known(scope);
        await using var session = Session();
        var progressions = await session.Query<RecordProgression>().Where(p => p.Scope == scope && p.WomenOnly == womenOnly).ToListAsync(cancellation);
        if (progressions.Count == 0 && RecordScopes.IsCountry(scope)) await AthleteQueries.KnownCountryAsync(session, scope, cancellation);
        var records = progressions
            .Where(p => sex is null || p.Sex == sex)
            .Select(p => (p, standing: p.Standing(asOf, knownAt, ratifiedOnly: ratifiedOnly)))
            .Where(x => x.standing is not null)
            .Select(x => RecordView.Of(x.p, x.standing!))
            .OrderBy(r => r.Sex).ThenBy(r => r.Discipline, Discipline.InListOrder).ThenBy(r => r.Indoor)
            .ToList();
        return new RecordsView(scope, CountryOf(scope), asOf, knownAt, womenOnly, records);
    }

    public async Task<RecordHistoryView> RecordHistoryAsync(string scope, Discipline discipline, Sex sex, DateTimeOffset? knownAt = null, bool indoor = false,
        bool womenOnly = false, CancellationToken cancellation = default)
    {
        scope = Known(scope);
        await using var session = Session();
        var progression = await session.LoadAsync<RecordProgression>(new RecordList(scope, sex, discipline, indoor, womenOnly).Key, cancellation);
        if (progression is null && RecordScopes.IsCountry(scope)) await AthleteQueries.KnownCountryAsync(session, scope, cancellation);
        if (progression is null) await ToplistQueries.KnownDisciplineAsync(session, discipline, cancellation);
        var history = progression?.History(knownAt).Select(ProgressionView.Of).ToList() ?? [];
        return new RecordHistoryView(scope, CountryOf(scope), discipline, sex, indoor, womenOnly, history);
    }

    /// <summary>The scope as the ledger keeps it; refused, naming it, when it is none.</summary>
    private static string Known(string scope)
    {
        var normalized = RecordScopes.Normalized(scope);
        return RecordScopes.ProblemWith(normalized) is { } problem ? throw new Refused("scope", problem) : normalized;
    }

    private static string? CountryOf(string scope) => RecordScopes.IsCountry(scope) ? scope : null;
}
