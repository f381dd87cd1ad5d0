using System.Text.Json;
using Ledger.Store.Hosting;

namespace Ledger.Store.Records;

/// <summary>
/// The best record-eligible marks the ledger holds for record lists, read off the toplists' marks in one query: where no
/// record stands, a claim must beat every one of them made by its day.
/// </summary>
public static class KnownMarks
{
    /// <summary>
    /// For each list, the best eligible mark of its discipline, sex and scope made on or before <paramref name="result"/>'s day, as the
    /// ledger now holds it, leaving out the athlete named (whose own career the decision weighs).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Mark?>> BestAsync(IQuerySession session, ResultRecorded result, IReadOnlyList<RecordList> lists,
        string? leavingOut, CancellationToken cancellation)
    {
        if (lists.Count == 0) return new Dictionary<string, Mark?>();
        var order = result.Discipline.LowerIsBetter ? "asc" : "desc";
        var parameters = new List<object>();
        var columns = lists.Select(list =>
        {
            var conditions = new List<string> { "true" };
            if (RecordScopes.CountriesOf(list.Scope) is { } countries)
            {
                conditions.Add("country = any(?)");
                parameters.Add(countries.ToArray());
            }

            if (list.Scope.StartsWith(RecordScopes.ChampionshipPrefix))
            {
                conditions.Add("championship = ?");
                parameters.Add(list.Scope[RecordScopes.ChampionshipPrefix.Length..]);
            }

            if (list.WomenOnly) conditions.Add("women_only");
            return $"(array_agg(data ->> 'mark' order by hundredths {order}) filter (where {string.Join(" and ", conditions)}))[1]";
        }).ToList();
        var sql = $"select jsonb_build_array({string.Join(", ", columns)})::text from {session.DocumentStore.TableOf<ListedMark>()} " +
                  "where discipline = ? and sex = ? and indoor = ? and last_day <= ? and athlete <> ? and eligible and known_until is null";
        parameters.AddRange([result.Discipline.Code, lists[0].Sex.ToString(), lists[0].Indoor, result.Date.LastDay, leavingOut ?? ""]);
        var row = (await session.QueryAsync<string>(sql, cancellation, parameters.ToArray())).Single();
        var marks = JsonSerializer.Deserialize<string?[]>(row)!;
        return lists.Select((list, i) => (list.Key, Mark: marks[i] is { } text ? Mark.Parse(text) : (Mark?)null)).ToDictionary(x => x.Key, x => x.Mark);
    }
}
