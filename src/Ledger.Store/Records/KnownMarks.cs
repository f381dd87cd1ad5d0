using System.Text.Json;
using Ledger.Store.Hosting;
using Ledger.Store.Toplists;
using Npgsql;

namespace Ledger.Store.Records;

/// <summary>
/// The best record-eligible marks the ledger holds for record lists, read off the toplists' marks: where no record stands, a
/// claim must beat every one of them made by its day.
/// </summary>
public static class KnownMarks
{
    /// <summary>
    /// A statement that reads, for each list, the best eligible mark of its discipline, sex and scope made on or before
    /// <paramref name="result"/>'s day, as the ledger now holds it, leaving out the athlete named (whose own career the decision
    /// weighs): one row, its text a JSON array of the marks (<see cref="Read"/>), its values named <c>@known0</c>, <c>@known1</c>, ...
    /// Each list's mark is the first of the toplist index (list, mark) that passes, so a command reads a few
    /// rows, not the list.
    /// </summary>
    public static (string Sql, IReadOnlyList<NpgsqlParameter> Values) Best(ResultRecorded result, IReadOnlyList<RecordList> lists, string? leavingOut)
    {
        var values = new List<NpgsqlParameter>();
        string Value(object value)
        {
            values.Add(new NpgsqlParameter($"known{values.Count}", value));
            return $"@{values[^1].ParameterName}";
        }

        var firsts = lists.Select(list =>
            $"(select mark {Marks(list, Value)} and last_day <= {Value(result.Date.LastDay)} and athlete <> {Value(leavingOut ?? "")} " +
            $"order by hundredths {Order(list)} limit 1)").ToList();
        return ($"select jsonb_build_array({string.Join(", ", firsts)})::text", values);
    }

    /// <summary>The marks <see cref="Best"/> read, by list key.</summary>
    public static IReadOnlyDictionary<string, Mark?> Read(string row, IReadOnlyList<RecordList> lists)
    {
        var marks = JsonSerializer.Deserialize<string?[]>(row)!;
        return lists.Select((list, i) => (list.Key, Mark: marks[i] is { } text ? Mark.Parse(text) : (Mark?)null)).ToDictionary(x => x.Key, x => x.Mark);
    }

    /// <summary>An eligible mark as an import weighs it: its day, and what says which lists hold it.</summary>
    public sealed record Known(DateOnly Day, Mark Mark, string Country, string? Championship, bool WomenOnly);

    /// <summary>
    /// Every eligible mark of a discipline and sex, outdoors or indoors, as the ledger now holds it: an import, which weighs many
    /// rows against the lists of one discipline, reads them once and answers each list and day from them (<see cref="Steps"/>).
    /// </summary>
    public static async Task<IReadOnlyList<Known>> AllAsync(IQuerySession session, Discipline discipline, Sex sex, bool indoor,
        CancellationToken cancellation)
    {
        var values = new List<object>();
        var list = ListedMarkRows.InList(values, discipline, sex, indoor);
        var rows = await session.QueryAsync<string>(
            "select jsonb_build_array(last_day, mark, country, championship, women_only)::text " +
            $"from {ListedMarkRows.Name} where {list} and eligible and known_until is null",
            cancellation, values.ToArray());
        return rows.Select(row => JsonSerializer.Deserialize<JsonElement[]>(row)!)
            .Select(m => new Known(DateOnly.Parse(m[0].GetString()!), Mark.Parse(m[1].GetString()!), m[2].GetString()!, m[3].GetString(), m[4].GetBoolean()))
            .ToList();
    }

    /// <summary>The steps of a list's best mark over time, oldest first: each mark better than every one the list held before its day.</summary>
    public static IReadOnlyList<(DateOnly Day, Mark Mark)> Steps(IEnumerable<Known> marks, RecordList list)
    {
        var countries = RecordScopes.CountriesOf(list.Scope);
        var steps = new List<(DateOnly Day, Mark Mark)>();
        foreach (var known in marks.Where(m => (countries is null || countries.Contains(m.Country)) && (!list.WomenOnly || m.WomenOnly)
                                               && (!list.Scope.StartsWith(RecordScopes.ChampionshipPrefix)
                                                   || RecordScopes.ChampionshipPrefix + m.Championship == list.Scope))
                     .OrderBy(m => m.Day))
            if (steps.Count == 0 || list.Discipline.Beats(known.Mark, steps[^1].Mark)) steps.Add((known.Day, known.Mark));
        return steps;
    }

    /// <summary>The best of the steps made on or before <paramref name="day"/>.</summary>
    public static Mark? BestBy(IReadOnlyList<(DateOnly Day, Mark Mark)> steps, DateOnly day) =>
        steps.Where(s => s.Day <= day).Select(s => (Mark?)s.Mark).LastOrDefault();

    private static string Order(RecordList list) => list.Discipline.LowerIsBetter ? "asc" : "desc";

    /// <summary>
    /// The eligible marks a list weighs, as the ledger now holds them: the from and where clauses, each value as the parameter
    /// <paramref name="value"/> names for it.
    /// </summary>
    private static string Marks(RecordList list, Func<object, string> value)
    {
        var conditions = new List<string>
        {
            ListedMarkRows.InList(value, list.Discipline, list.Sex, list.Indoor), "eligible", "known_until is null",
        };
        if (RecordScopes.CountriesOf(list.Scope) is { } countries) conditions.Add($"country = any({value(countries.ToArray())})");
        if (list.Scope.StartsWith(RecordScopes.ChampionshipPrefix))
            conditions.Add($"championship = {value(list.Scope[RecordScopes.ChampionshipPrefix.Length..])}");
        if (list.WomenOnly) conditions.Add("women_only");
        return $"from {ListedMarkRows.Name} where {string.Join(" and ", conditions)}";
    }
}
