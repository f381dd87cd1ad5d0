using Ledger.Domain;
using Marten;

namespace Ledger.Store;

public sealed record LineProblem(string File, int Line, FieldProblem Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

/// <summary>The input was refused as a whole: every problem found, nothing written.</summary>
public sealed class InputRefused(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public InputRefused(string problem) : this([problem])
    {
    }
}

public sealed record ImportOutcome(int Appended, int Skipped);

/// <summary>Who appends, and under which correlation: recorded in the metadata of every event.</summary>
public sealed record Actor(string User, string CorrelationId)
{
    public static Actor Current(string? user = null) =>
        new(string.IsNullOrWhiteSpace(user) ? Environment.UserName : user, Guid.NewGuid().ToString("N"));
}

/// <summary>
/// Appends the events of JSON Lines files. The whole input is checked first, line by line and
/// against each career as it would stand, and is appended in one transaction or not at all.
/// A line whose event the stream already holds is skipped, so importing twice appends nothing new.
/// </summary>
public sealed class Importer(IDocumentStore store)
{
    private sealed record Line(string File, int Number, EventEnvelope Envelope, Guid Id);

    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<string> paths, Actor actor, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellation = default)
    {
        var (lines, problems) = await ReadAsync(Files(paths), cancellation);
        if (problems.Count > 0) throw new InputRefused(problems.Select(p => p.ToString()).ToList());

        await using var session = store.LightweightSession();
        session.LastModifiedBy = actor.User;
        session.CorrelationId = actor.CorrelationId;

        var appended = 0;
        var skipped = 0;
        var athletes = lines.GroupBy(l => l.Envelope.Athlete).ToList();
        foreach (var (athleteLines, done) in athletes.Select((g, i) => (g, i)))
        {
            var athlete = athleteLines.Key;
            var stream = await session.Events.FetchStreamAsync(athlete, token: cancellation);
            var career = new Career { Id = athlete };
            foreach (var e in stream) career.Fold(e.Data);
            var seen = stream.Select(e => e.Id).ToHashSet();

            var fresh = new List<Line>();
            foreach (var line in athleteLines)
            {
                if (!seen.Add(line.Id))
                {
                    skipped++;
                    continue;
                }

                var refused = Rules.Check(career, line.Envelope.Data);
                if (refused.Count > 0)
                {
                    problems.AddRange(refused.Select(p => new LineProblem(line.File, line.Number, p)));
                    continue;
                }

                career.Fold(line.Envelope.Data);
                fresh.Add(line);
            }

            if (fresh.Count > 0)
            {
                var action = session.Events.Append(athlete, fresh.Select(l => l.Envelope.Data));
                foreach (var (e, line) in action.Events.Zip(fresh))
                {
                    e.Id = line.Id;
                    if (line.Envelope.RecordedAt is { } at) e.Timestamp = at;
                    if (line.Envelope.User is { } user) e.UserName = user;
                    if (line.Envelope.CorrelationId is { } correlation) e.CorrelationId = correlation;
                }
            }

            appended += fresh.Count;
            progress?.Report((done + 1, athletes.Count));
        }

        if (problems.Count > 0) throw new InputRefused(problems.Select(p => p.ToString()).ToList());
        await session.SaveChangesAsync(cancellation);
        return new ImportOutcome(appended, skipped);
    }

    private static async Task<(List<Line>, List<LineProblem>)> ReadAsync(IEnumerable<string> files, CancellationToken cancellation)
    {
        var lines = new List<Line>();
        var problems = new List<LineProblem>();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var text in await File.ReadAllLinesAsync(file, cancellation))
            {
                number++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                var envelope = EventFormat.Parse(text, out var found);
                if (envelope is null) problems.AddRange(found.Select(p => new LineProblem(file, number, p)));
                else lines.Add(new Line(file, number, envelope, EventFormat.IdentityOf(envelope)));
            }
        }

        return (lines, problems);
    }

    /// <summary>The .jsonl files named, and those in the folders named (and below), in name order.</summary>
    private static IEnumerable<string> Files(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new InputRefused("name at least one .jsonl file or folder to import");
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0) throw new InputRefused(missing.Select(p => $"{p}: no such file or folder").ToList());

        return paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [p]).Distinct().ToList();
    }
}
