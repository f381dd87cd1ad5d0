using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ledger.Domain;

namespace Ledger.Store;

// The answers of the read verbs, shaped as the contract's JSON (snake_case through EventFormat's
// conventions). The CLI prints them as tables or JSON; the HTTP API returns them as they are.

/// <summary>An athlete in a list: who, and the best mark of their main discipline (for pages, not in the JSON).</summary>
public sealed record AthleteEntry(
    string Athlete, string Name, string Country, Sex Sex,
    [property: JsonIgnore] Discipline? MainDiscipline = null, [property: JsonIgnore] Mark? Best = null);

public sealed record AthletesView(IReadOnlyList<AthleteEntry> Athletes, int Page, int PageSize, long Total)
{
    /// <summary>How many pages the matching athletes fill (at least one, empty or not).</summary>
    [JsonIgnore]
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Which athletes a list shows: filtered by country and sex, searched by name, a page at a time.</summary>
public sealed record AthleteFilter
{
    public const int DefaultPageSize = 100;
    public const int MostPerPage = 1000;

    public string? Country { get; init; }
    public Sex? Sex { get; init; }
    public string? Search { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The filter of a request, each value checked and any wrong one named; blank values mean no filter.</summary>
    public static AthleteFilter Of(string? country, Sex? sex, string? search, int? page, int? pageSize, string pageName = "page", string pageSizeName = "page_size")
    {
        if (page is < 1) throw new FormatException($"{pageName} {page} is not a page: pages are numbered from 1");
        if (pageSize is < 1 or > MostPerPage) throw new FormatException($"{pageSizeName} {pageSize} is out of range: from 1 to {MostPerPage}");
        return new AthleteFilter
        {
            Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(),
            Sex = sex,
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Page = page ?? 1,
            PageSize = pageSize ?? DefaultPageSize,
        };
    }
}

/// <summary>A mark in a toplist; whether it is the athlete's personal best and was a national record shows on pages and tables, not in the JSON.</summary>
public sealed record ToplistEntry(
    int Rank, Mark Mark, string Athlete, string Name, string Country, PartialDate Date, string? Competition, string? Venue,
    string? ResultId, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Wind? Wind,
    [property: JsonIgnore] bool PersonalBest = false, [property: JsonIgnore] bool NationalRecord = false);

public sealed record ToplistView(
    Discipline Discipline, Sex Sex, int? Year, string? Country, DateOnly? AsOf, DateTimeOffset? KnownAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Indoor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool WindAssisted,
    IReadOnlyList<ToplistEntry> Entries)
{
    /// <summary>"Men's marathon, 2014, MGL", "Women's 60m indoor, all time, world".</summary>
    [JsonIgnore]
    public string Title =>
        $"{(Sex == Sex.Men ? "Men" : "Women")}'s {Discipline}{(Indoor ? " indoor" : "")}, {(Year is { } year ? year.ToString() : "all time")}, {Country ?? "world"}" +
        (WindAssisted ? ", wind-assisted marks too" : "");
}

/// <summary>
/// Which toplist: a discipline and sex, outdoors or indoors, of a year or all time, of a country or the
/// world, as of a date and as known at an instant; legal marks only unless wind-assisted ones are asked for.
/// </summary>
public sealed record ToplistFilter(Discipline Discipline, Sex Sex)
{
    public const int DefaultLimit = 50;
    public const int MostEntries = 1000;

    public int? Year { get; init; }
    public string? Country { get; init; }
    public DateOnly? AsOf { get; init; }
    public DateTimeOffset? KnownAt { get; init; }
    public int Limit { get; init; } = DefaultLimit;
    public bool AllMarks { get; init; }
    public bool Indoor { get; init; }
    public bool WindAssisted { get; init; }

    /// <summary>The filter of a request, each value checked and any wrong one named by the name the request gave it.</summary>
    public static ToplistFilter Of(string discipline, Sex? sex, int? year, string? country, DateOnly? asOf, DateTimeOffset? knownAt, int? limit,
        bool allMarks, bool indoor = false, bool windAssisted = false, string sexName = "sex", string yearName = "year", string countryName = "country", string limitName = "limit")
    {
        if (sex is null) throw new FormatException($"{sexName} is required: a toplist is of men or of women");
        if (year is < 1 or > 9999) throw new FormatException($"{yearName} {year} is not a year");
        if (limit is < 1 or > MostEntries) throw new FormatException($"{limitName} {limit} is out of range: from 1 to {MostEntries}");
        country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        if (country is not null && !Codes.IsCountry(country)) throw new FormatException($"{countryName} '{country}' is not a three-letter IOC code like KEN");
        return new ToplistFilter(Domain.Discipline.Parse(discipline), sex.Value)
        {
            Year = year, Country = country, AsOf = asOf, KnownAt = knownAt, Limit = limit ?? DefaultLimit, AllMarks = allMarks,
            Indoor = indoor, WindAssisted = windAssisted,
        };
    }
}

/// <summary>
/// A personal best: the legal best of a discipline, outdoors or indoors (<c>indoor</c>), with its wind
/// where it has a reading; a better wind-assisted mark beside it (<c>wind_assisted_best</c>). Keys
/// that only some marks have are left out where they would be null.
/// </summary>
public sealed record BestView(
    Discipline Discipline, Mark Mark, PartialDate Date, string? Competition, string? ResultId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Wind? Wind, bool Indoor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AssistedBestView? WindAssistedBest)
{
    public static BestView Of(PersonalBest best) =>
        new(best.Discipline, best.Mark, best.Date, best.Competition, best.ResultId, best.Wind, best.Indoor,
            best.WindAssistedBest is { } assisted ? new AssistedBestView(assisted.Mark, assisted.Wind!.Value, assisted.Date, assisted.Competition) : null);
}

public sealed record AssistedBestView(Mark Mark, Wind Wind, PartialDate Date, string? Competition);

/// <param name="Legend">What the signs of the marks mean (<see cref="Conditions.Legend"/>), for a table; not in the JSON.</param>
public sealed record PbsView(string Athlete, DateOnly? AsOf, DateTimeOffset? KnownAt, IReadOnlyList<BestView> Bests, [property: JsonIgnore] string Legend = "");

public sealed record RecordView(Discipline Discipline, Sex Sex, Mark Mark, string Athlete, PartialDate Date, string? Competition, bool Indoor);

public sealed record RecordsView(string Country, DateOnly? AsOf, DateTimeOffset? KnownAt, IReadOnlyList<RecordView> Records);

public sealed record ProgressionView(
    Mark Mark, string Athlete, PartialDate Date, string? Competition, DateTimeOffset RecordedAt, RecordStatus Status,
    DateTimeOffset? RescindedAt, string? RescindReason);

public sealed record RecordHistoryView(string Country, Discipline Discipline, Sex Sex, bool Indoor, IReadOnlyList<ProgressionView> Progression);

public sealed record ChampionshipsView(string Athlete, DateOnly? AsOf, IReadOnlyList<ChampionshipCount> Championships);

public sealed record TimelineView(string Athlete, DateOnly? AsOf, IReadOnlyList<TimelineEntryView> Events);

public sealed record AuditView(string Athlete, IReadOnlyList<AuditEntryView> Events);

/// <summary>
/// A view of one event as the event files write it, flat: the view's own fields first, then the
/// event's (<see cref="EventViewConverter{T}"/>); in code, the event itself, typed.
/// </summary>
public abstract record EventView(object Event)
{
    [JsonIgnore] public virtual string Type => EventFormat.TypeName(Event.GetType());

    /// <summary>The view's own fields before the event's, null ones written as null.</summary>
    public abstract IEnumerable<(string Name, object? Value)> Before();

    /// <summary>Events of their own after the event's fields (a corrected result, before and after), left out when null.</summary>
    public virtual IEnumerable<(string Name, object? Value)> After() => [];
}

/// <summary>A fact of the career on its own date: <c>{"date","type",...its fields}</c>.</summary>
[JsonConverter(typeof(EventViewConverter<TimelineEntryView>))]
public sealed record TimelineEntryView(PartialDate Date, object Event) : EventView(Event)
{
    public override IEnumerable<(string Name, object? Value)> Before() => [("date", Date), ("type", Type)];
}

/// <summary>
/// An event as appended, with who and when: <c>{"version","recorded_at","type","user","correlation_id","id",...its fields}</c>;
/// a correction also shows the result before and after it.
/// </summary>
[JsonConverter(typeof(EventViewConverter<AuditEntryView>))]
public sealed record AuditEntryView(
    long Version, DateTimeOffset RecordedAt, string StoredType, string? User, string? CorrelationId, Guid Id, object Event,
    ResultRecorded? ResultBefore = null, ResultRecorded? ResultAfter = null) : EventView(Event)
{
    public override string Type => StoredType;

    public override IEnumerable<(string Name, object? Value)> Before() =>
        [("version", Version), ("recorded_at", RecordedAt), ("type", Type), ("user", User), ("correlation_id", CorrelationId), ("id", Id)];

    public override IEnumerable<(string Name, object? Value)> After() => [("before", ResultBefore), ("after", ResultAfter)];
}

/// <summary>Writes an <see cref="EventView"/> flat, its event's fields among its own, as the contract's JSON has them.</summary>
public sealed class EventViewConverter<T> : JsonConverter<T> where T : EventView
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("views are written, never read");

    public override void Write(Utf8JsonWriter writer, T view, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        var own = view.Before().ToList();
        foreach (var (name, value) in own)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object), options);
        }

        // A field the view has already written (a timeline entry's date is its event's) is written once.
        foreach (var (name, value) in EventFormat.FieldsOf(view.Event).Where(f => own.All(o => o.Name != f.Key))) Write(writer, name, value);
        foreach (var (name, value) in view.After())
            if (value is not null) Write(writer, name, EventFormat.FieldsOf(value));
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, string name, JsonNode? value)
    {
        writer.WritePropertyName(name);
        if (value is null) writer.WriteNullValue();
        else value.WriteTo(writer);
    }
}

public static class ViewJson
{
    /// <summary>Like the event files, but every key of a view is always there, null or not.</summary>
    public static JsonSerializerOptions Options { get; } = new(EventFormat.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    public static string Write<T>(T view) => JsonSerializer.Serialize(view, Options);
}
