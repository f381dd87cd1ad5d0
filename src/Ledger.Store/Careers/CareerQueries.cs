using Ledger.Store.Reading;

namespace Ledger.Store.Careers;

/// <summary>What a career shows, folded from the athlete's one stream: as of a date, and as known at an instant.</summary>
public sealed class CareerQueries(IDocumentStore store, ReadsFromPrimary? fromPrimary = null) : Reads(store, fromPrimary)
{
    public async Task<PbsView> PersonalBestsAsync(string athlete, DateOnly? asOf = null, DateTimeOffset? knownAt = null,
        CancellationToken cancellation = default)
    {
        var career = await CareerAsync(athlete, knownAt, cancellation);
        var bests = career?.PersonalBests(asOf) ?? [];
        return new PbsView(athlete, asOf, knownAt, bests.Select(BestView.Of).ToList(), Conditions.Legend(bests));
    }

    /// <summary>What a profile shows as of a date, from one read of the career.</summary>
    public async Task<Profile> ProfileAsync(string athlete, DateOnly? asOf = null, CancellationToken cancellation = default) =>
        (await CareerAsync(athlete, null, cancellation))!.ProfileAsOf(asOf);

    public async Task<ChampionshipsView> ChampionshipsAsync(string athlete, DateOnly? asOf = null, DateTimeOffset? knownAt = null,
        CancellationToken cancellation = default)
    {
        var career = await CareerAsync(athlete, knownAt, cancellation);
        return new ChampionshipsView(athlete, asOf, career?.Championships(asOf) ?? []);
    }

    public async Task<TimelineView> TimelineAsync(string athlete, DateOnly? asOf = null, DateTimeOffset? knownAt = null,
        CancellationToken cancellation = default)
    {
        var career = await CareerAsync(athlete, knownAt, cancellation);
        var events = career?.Timeline(asOf).Select(entry => new TimelineEntryView(entry.Date, entry.Event)).ToList() ?? [];
        return new TimelineView(athlete, asOf, events);
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
        throw NotFound.Athlete(athlete);
    }
}
