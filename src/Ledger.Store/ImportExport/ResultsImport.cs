using System.Globalization;
using AnyAscii;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ledger.Store.Commanding;
using Ledger.Store.Records;

namespace Ledger.Store.ImportExport;

/// <summary>
/// What importing a results sheet did, or would do with <c>--dry-run</c>: results appended, rows the ledger held already,
/// athletes registered, personal bests, records set by scope (<c>{"MGL": 2}</c>), and the results appended of each athlete.
/// </summary>
public sealed record ResultsOutcome(int Appended, int Skipped, int AthletesRegistered, int PersonalBests, IReadOnlyDictionary<string, int> Records,
    IReadOnlyDictionary<string, int> ResultsByAthlete);

/// <summary>
/// A season's results from spreadsheets (<see cref="ResultSheets"/>), each row decided as <c>add-result</c> decides
/// it, in date order (rows of one date in file order), so personal bests and records are what they would be had
/// the results been added one by one. Unlike <see cref="Importer"/>, which replays a log and decides nothing.
/// All or nothing: every wrong cell of every row is named, and nothing is appended while one is. The decided
/// events are written as an import writes (<see cref="Importer.WriteAsync"/>), in one transaction.
/// </summary>
public sealed partial class ResultsImport(IDocumentStore store)
{
    public const string Loading = "loading the careers";
    public const string Deciding = "deciding results";

    /// <summary>
    /// A row read: its athlete, its result, and the athlete's registration from the row's cells, or why there is none
    /// (a cell missing, which matters only for an athlete the ledger does not hold).
    /// </summary>
    private sealed record Entry(string At, string Athlete, AthleteRegistered? Registration, IReadOnlyList<FieldProblem> Unregistered, ResultRecorded Result);

    /// <param name="mayWrite">Whether the sender may write athletes of a country (a federation's key writes its own); all when null.</param>
    public async Task<ResultsOutcome> ImportAsync(IReadOnlyList<SheetRow> rows, Actor actor, bool dryRun, IProgress<WorkDone>? progress = null,
        Func<string, bool>? mayWrite = null, CancellationToken cancellation = default)
    {
        var problems = new List<FieldProblem>();
        var entries = rows.Select(row => Read(row, problems)).OfType<Entry>()
            .OrderBy(e => e.Result.Date.FirstDay).ThenBy(e => e.Result.Date.LastDay).ToList();
        if (problems.Count > 0) throw new Refused(problems);

        progress?.Report(new WorkDone(Loading, 0, 1));
        await using var append = await BulkAppend.BeginAsync(store, cancellation);
        var streams = await append.LockStreamsAsync(entries.Select(e => e.Athlete).Distinct().ToList(), cancellation, newFactsOnly: true);
        var careers = streams.ToDictionary(s => s.Key, s => s.Value.Career.Copy());
        var records = new RecordBook(append.Session, careers);
        await records.LoadAsync(entries.Select(e => (careers[e.Athlete].Athlete ?? e.Registration, e.Result)), cancellation);
        var decided = new List<(string At, string Athlete, object Event)>();
        var (skipped, registered, bests) = (0, 0, 0);
        var set = new Dictionary<string, int>();
        var foreign = new List<string>();
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            if (index % 1_000 == 0) progress?.Report(new WorkDone(Deciding, index, entries.Count));
            var career = careers[entry.Athlete];
            if (career.Athlete is null && Register(entry, career, problems) is { } registration)
            {
                decided.Add((entry.At, entry.Athlete, registration));
                registered++;
            }

            if (career.Athlete is null) continue;
            if (mayWrite?.Invoke(career.Athlete.Country) == false)
            {
                foreign.Add($"{entry.At}: '{entry.Athlete}' is of {career.Athlete.Country}");
                continue;
            }

            if (career.FindResult(entry.Result.ResultId) is { } known && SameFact(known.Result, entry.Result))
            {
                skipped++;
                continue;
            }

            try
            {
                var decision = Decisions.RecordResult(career, entry.Result, await records.ContextsAsync(career, entry.Result, cancellation));
                careers[entry.Athlete] = decision.After;
                records.Note(entry.Athlete, decision.Events);
                decided.AddRange(decision.Events.Select(e => (entry.At, entry.Athlete, e)));
                // A claim of an athlete of this import that the row overtook is taken back in that career too. One of an athlete
                // outside it is left as it is: its progression no longer counts it, and the import locks no streams but its own.
                foreach (var (other, rescind) in decision.Elsewhere.Where(o => careers.ContainsKey(o.Athlete)))
                {
                    careers[other].Fold(rescind);
                    records.Note(other, [rescind]);
                    decided.Add((entry.At, other, rescind));
                }

                if (decision.IsPersonalBest(entry.Result.ResultId)) bests++;
                foreach (var scope in decision.RecordScopes) set[scope] = set.GetValueOrDefault(scope) + 1;
            }
            catch (Refused refused)
            {
                problems.AddRange(refused.Problems.Select(p => p with { At = entry.At }));
            }
        }

        if (foreign.Count > 0) throw new Forbidden($"The key may not write the athletes of these rows: {string.Join("; ", foreign)}.");
        if (problems.Count > 0) throw new Refused(problems);
        var results = decided.Where(d => d.Event is ResultRecorded).ToList();
        var outcome = new ResultsOutcome(results.Count, skipped, registered, bests,
            set.OrderBy(s => RecordScopes.Rank(s.Key)).ThenBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
            results.CountBy(d => d.Athlete).OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary());
        if (dryRun) return outcome;

        var reads = decided.Select(d => Importer.Read.Of(d.At, new EventEnvelope(d.Athlete, d.Event))).ToAsyncEnumerable();
        await Importer.WriteAsync(append, streams, reads, decided.Count, actor, progress, cancellation);
        return outcome;
    }

    /// <summary>The row's athlete registered, when the ledger does not hold them: from its name, country and sex (and birth date).</summary>
    private static AthleteRegistered? Register(Entry entry, Career career, List<FieldProblem> problems)
    {
        if (entry.Registration is null)
        {
            problems.AddRange(entry.Unregistered.Count > 0 ? entry.Unregistered
                : [new FieldProblem("athlete", $"'{entry.Athlete}' is not in the ledger: give name, country and sex to register them", entry.At)]);
            return null;
        }

        try
        {
            career.Fold(Decisions.Append(career, entry.Registration).Events.Single());
            return entry.Registration;
        }
        catch (Refused refused)
        {
            problems.AddRange(refused.Problems.Select(p => p with { At = entry.At }));
            return null;
        }
    }

    /// <summary>A row as its athlete, registration fields and result; null, with every wrong cell named, when it cannot be one.</summary>
    private static Entry? Read(SheetRow row, List<FieldProblem> problems)
    {
        var athlete = row.Cells.GetValueOrDefault("athlete") ?? SlugOf(row.Cells.GetValueOrDefault("name"));
        if (athlete is null)
        {
            problems.Add(new FieldProblem("athlete", "give the athlete's slug, or a name to make one from", row.At));
            return null;
        }

        // The registration's cells are judged on every row that has them; a missing one only where the athlete is new.
        var cells = Fields(row, typeof(AthleteRegistered), ["name", "country", "sex", "born"]);
        var named = cells.Select(c => c.Key).ToHashSet();
        var (registration, unregistered) = cells.Count == 0 ? (null, []) : Reading<AthleteRegistered>(athlete, cells, row.At);
        var given = unregistered.Where(p => named.Contains(p.Field)).ToList();
        var (result, wrong) = Reading<ResultRecorded>(athlete, Fields(row, typeof(ResultRecorded), ResultFields), row.At);
        problems.AddRange([.. given, .. wrong]);
        return result is null || given.Count > 0 ? null : new Entry(row.At, athlete, registration, unregistered, result);
    }

    private static readonly IReadOnlyList<string> ResultFields = EventFormat.Fields(typeof(ResultRecorded)).Select(f => f.Name).ToList();

    /// <summary>An event of the row's cells as a command reads its input, or every problem of it, each placed at the row.</summary>
    private static (T? Event, IReadOnlyList<FieldProblem> Problems) Reading<T>(string athlete, JsonObject fields, string at) where T : class
    {
        try
        {
            return (CommandInput.Read<T>(athlete, fields), []);
        }
        catch (Refused refused)
        {
            return (null, refused.Problems.Select(p => p with { At = at }).ToList());
        }
    }

    /// <summary>The row's cells of these fields of <paramref name="type"/> as a body would bring them: numbers and switches typed.</summary>
    private static JsonObject Fields(SheetRow row, Type type, IEnumerable<string> names)
    {
        var fields = EventFormat.Fields(type).ToDictionary(f => f.Name);
        var json = new JsonObject();
        foreach (var name in names)
            if (row.Cells.TryGetValue(name, out var text)) json[name] = Typed(text, Nullable.GetUnderlyingType(fields[name].Type) ?? fields[name].Type);
        return json;
    }

    private static JsonNode Typed(string text, Type type) => type switch
    {
        _ when type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ when type == typeof(bool) && text.ToLowerInvariant() is "true" or "yes" or "1" or "x" => true,
        _ when type == typeof(bool) && text.ToLowerInvariant() is "false" or "no" or "0" => false,
        _ => text,
    };

    /// <summary>
    /// An athlete's slug from a name, transliterated to ASCII (AnyAscii): <c>Jan Müller</c> is <c>jan-muller</c>,
    /// <c>Батцэцэг</c> is <c>battsetseg</c>; null where nothing of it is a letter or digit.
    /// </summary>
    private static string? SlugOf(string? name)
    {
        if (name is null) return null;
        var slug = NotSlug().Replace(Transliteration.Transliterate(name).ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 ? slug[..Math.Min(slug.Length, 100)].TrimEnd('-') : null;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    private static bool SameFact(ResultRecorded known, ResultRecorded again) =>
        JsonNode.DeepEquals(EventFormat.FactFields(known), EventFormat.FactFields(again));
}
