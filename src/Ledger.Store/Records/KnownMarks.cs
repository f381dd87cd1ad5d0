using System.Text.Json;
using Ledger.Store.Hosting;

namespace Ledger.Store.Records;

/// <summary>
/// The best record-eligible marks the ledger holds for record lists, read off the toplists' marks: where no record stands, a
/// claim must beat every one of them made by its day.
/// </summary>
public static class KnownMarks
{
    /// <summary>
    /// For each list, the best eligible mark of its discipline, sex and scope made on or before <paramref name="result"/>'s day, as the
    /// ledger now holds it, leaving out the athlete named (whose own career the decision weighs). One round trip; each list's mark
    /// is the first of the toplist index (discipline, sex, indoor, mark) that passes, so a command reads a few rows, not the list.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Mark?>> BestAsync(IQuerySession session, ResultRecorded result, IReadOnlyList<RecordList> lists,
        string? leavingOut, CancellationToken cancellation)
    {
        if (lists.Count == 0) return new Dictionary<string, Mark?>();
        var parameters = new List<object>();
        var firsts = lists.Select(list =>
        {
            var (where, values) = Marks(session, list);
            parameters.AddRange([.. values, result.Date.LastDay, leavingOut ?? ""]);
            return $"(select data ->> 'mark' {where} and last_day <= ? and athlete <> ? order by hundredths {Order(list)} limit 1)";
        }).ToList();
        var row = (await session.QueryAsync<string>($"select jsonb_build_array({string.Join(", ", firsts)})::text", cancellation, parameters.ToArray()))
            .Single();
        var marks = JsonSerializer.Deserialize<string?[]>(row)!;
        return lists.Select((list, i) => (list.Key, Mark: marks[i] is { } text ? Mark.Parse(text) : (Mark?)null)).ToDictionary(x => x.Key, x => x.Mark);
    }

    /// <summary>
    /// The steps of the best eligible mark of a list over time, oldest first: each mark that was better than every one made before
    /// it. An import, which weighs many rows against one list, reads them once and answers any day from them (<see cref="BestBy"/>).
    /// </summary>
    public static async Task<IReadOnlyList<(DateOnly Day, Mark Mark)>> StepsAsync(IQuerySession session, RecordList list, CancellationToken cancellation)
    {
        var (where, values) = Marks(session, list);
        var best = list.Discipline.LowerIsBetter ? "min" : "max";
        var better = list.Discipline.LowerIsBetter ? "<" : ">";
        var rows = await session.QueryAsync<string>(
            $"select jsonb_build_array(last_day, mark)::text from (select last_day, data ->> 'mark' as mark, hundredths, " +
            $"{best}(hundredths) over (order by last_day, hundredths {Order(list)} rows between unbounded preceding and 1 preceding) as before " +
            $"{where}) marks where before is null or hundredths {better} before order by last_day",
            cancellation, values.ToArray());
        return rows.Select(row => JsonSerializer.Deserialize<string[]>(row)!).Select(step => (DateOnly.Parse(step[0]), Mark.Parse(step[1]))).ToList();
    }

    /// <summary>The best of the steps made on or before <paramref name="day"/>.</summary>
    public static Mark? BestBy(IReadOnlyList<(DateOnly Day, Mark Mark)> steps, DateOnly day) =>
        steps.Where(s => s.Day <= day).Select(s => (Mark?)s.Mark).LastOrDefault();

    private static string Order(RecordList list) => list.Discipline.LowerIsBetter ? "asc" : "desc";

    /// <summary>The eligible marks a list weighs, as the ledger now holds them: the from and where clauses, and their values.</summary>
    private static (string Where, List<object> Values) Marks(IQuerySession session, RecordList list)
    {
        var conditions = new List<string> { "discipline = ?", "sex = ?", "indoor = ?", "eligible", "known_until is null" };
        var values = new List<object> { list.Discipline.Code, list.Sex.ToString(), list.Indoor };
        if (RecordScopes.CountriesOf(list.Scope) is { } countries)
        {
            conditions.Add("country = any(?)");
            values.Add(countries.ToArray());
        }

        if (list.Scope.StartsWith(RecordScopes.ChampionshipPrefix))
        {
            conditions.Add("championship = ?");
            values.Add(list.Scope[RecordScopes.ChampionshipPrefix.Length..]);
        }

        if (list.WomenOnly) conditions.Add("women_only");
        return ($"from {session.DocumentStore.TableOf<ListedMark>()} where {string.Join(" and ", conditions)}", values);
    }
}
