using Ledger.Store.Athletes;
using Ledger.Store.Reading;
using Ledger.Store.Toplists;

namespace Ledger.Store.Records;

/// <summary>National records, read off their progressions: any domain date and any moment of knowledge from the same entries.</summary>
public sealed class RecordQueries(IDocumentStore store, ReadsFromPrimary? fromPrimary = null) : Reads(store, fromPrimary)
{
    public async Task<RecordsView> RecordsAsync(string country, Sex? sex = null, DateOnly? asOf = null, DateTimeOffset? knownAt = null,
        CancellationToken cancellation = default)
    {
        country = Codes.Country(country);
        await using var session = Session();
        var progressions = await session.Query<NationalRecordProgression>().Where(p => p.Country == country).ToListAsync(cancellation);
        if (progressions.Count == 0) await AthleteQueries.KnownCountryAsync(session, country, cancellation);
        var records = progressions
            .Where(p => sex is null || p.Sex == sex)
            .Select(p => (p, standing: p.Standing(asOf, knownAt)))
            .Where(x => x.standing is not null)
            .Select(x => RecordView.Of(x.p, x.standing!))
            .OrderBy(r => r.Sex).ThenBy(r => r.Discipline, Discipline.InListOrder).ThenBy(r => r.Indoor)
            .ToList();
        return new RecordsView(country, asOf, knownAt, records);
    }

    public async Task<RecordHistoryView> RecordHistoryAsync(string country, Discipline discipline, Sex sex, DateTimeOffset? knownAt = null, bool indoor = false,
        CancellationToken cancellation = default)
    {
        country = Codes.Country(country);
        await using var session = Session();
        var progression = await session.LoadAsync<NationalRecordProgression>(NationalRecordProgression.KeyOf(country, sex, discipline, indoor), cancellation);
        if (progression is null) await AthleteQueries.KnownCountryAsync(session, country, cancellation);
        if (progression is null) await ToplistQueries.KnownDisciplineAsync(session, discipline, cancellation);
        var history = progression?.History(knownAt).Select(ProgressionView.Of).ToList() ?? [];
        return new RecordHistoryView(country, discipline, sex, indoor, history);
    }
}
