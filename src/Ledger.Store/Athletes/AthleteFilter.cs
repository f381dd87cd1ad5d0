namespace Ledger.Store.Athletes;

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

    /// <summary>
    /// The filter of a request, each value checked and every wrong one named as the request names it
    /// (<paramref name="named"/>, from the name in snake_case); blank values mean no filter.
    /// </summary>
    public static AthleteFilter Of(string? country, Sex? sex, string? search, int? page, int? pageSize, Func<string, string>? named = null)
    {
        named ??= name => name;
        var problems = new List<FieldProblem>();
        if (page is < 1) problems.Add(new(named("page"), $"{named("page")} {page} is not a page: pages are numbered from 1"));
        // The page's first athlete is skipped to by a count of athletes, which cannot pass int.MaxValue.
        var size = pageSize is >= 1 and <= MostPerPage ? pageSize.Value : DefaultPageSize;
        if (page > int.MaxValue / size + 1)
            problems.Add(new(named("page"), $"{named("page")} {page} is out of range: from 1 to {int.MaxValue / size + 1} for pages of {size}"));
        if (pageSize is < 1 or > MostPerPage)
            problems.Add(new(named("page_size"), $"{named("page_size")} {pageSize} is out of range: from 1 to {MostPerPage}"));
        if (problems.Count > 0) throw new Refused(problems);
        return new AthleteFilter
        {
            Country = string.IsNullOrWhiteSpace(country) ? null : Codes.Country(country.Trim()),
            Sex = sex,
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Page = page ?? 1,
            PageSize = pageSize ?? DefaultPageSize,
        };
    }
}
