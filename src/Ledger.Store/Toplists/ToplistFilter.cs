namespace Ledger.Store.Toplists;

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

    /// <summary>
    /// The filter of a request, each value checked and every wrong one named as the request names it
    /// (<paramref name="named"/>, from the name in snake_case).
    /// </summary>
    public static ToplistFilter Of(string discipline, Sex? sex, int? year, string? country, DateOnly? asOf, DateTimeOffset? knownAt, int? limit,
        bool allMarks, bool indoor = false, bool windAssisted = false, Func<string, string>? named = null)
    {
        named ??= name => name;
        var problems = new List<FieldProblem>();
        if (!Domain.Discipline.TryParse(discipline, out var listed, out var error)) problems.Add(new(named("discipline"), error));
        if (sex is null) problems.Add(new(named("sex"), $"{named("sex")} is required: a toplist is of men or of women"));
        if (year is < 1 or > 9999) problems.Add(new(named("year"), $"{named("year")} {year} is not a year"));
        if (limit is < 1 or > MostEntries) problems.Add(new(named("limit"), $"{named("limit")} {limit} is out of range: from 1 to {MostEntries}"));
        country = string.IsNullOrWhiteSpace(country) ? null : Codes.Country(country.Trim());
        if (country is not null && !Codes.IsCountry(country))
            problems.Add(new(named("country"), $"{named("country")} '{country}' is not a three-letter IOC code like KEN"));
        if (problems.Count > 0) throw new Refused(problems);
        return new ToplistFilter(listed, sex!.Value)
        {
            Year = year, Country = country, AsOf = asOf, KnownAt = knownAt, Limit = limit ?? DefaultLimit, AllMarks = allMarks,
            Indoor = indoor, WindAssisted = windAssisted,
        };
    }
}
