using System.Text.Json.Serialization;
using Ledger.Store.Reading;

namespace Ledger.Store.Careers;

public sealed record ChampionshipsView(string Athlete, DateOnly? AsOf, IReadOnlyList<ChampionshipCount> Championships);

public sealed record TimelineView(string Athlete, DateOnly? AsOf, IReadOnlyList<TimelineEntryView> Events);

/// <summary>A fact of the career on its own date: <c>{"date","type",...its fields}</c>.</summary>
[JsonConverter(typeof(EventViewConverter<TimelineEntryView>))]
public sealed record TimelineEntryView(PartialDate Date, object Event) : EventView(Event)
{
    public override IEnumerable<(string Name, object? Value)> Before() => [("date", Date), ("type", Type)];
}
