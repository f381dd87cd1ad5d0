
namespace Ledger.Store.ImportExport;

/// <summary>
/// Appends the events of JSON Lines files, in one transaction or not at all. Every line is checked,
/// on its own and against its athlete's career as it would stand, and every problem is reported;
/// lines are written as they pass, so the database takes them while the next are read, and a
/// single problem anywhere rolls all of them back. A line whose event the stream already holds is
/// skipped, so importing twice appends nothing new.
/// </summary>
public sealed class Importer(IDocumentStore store)
{
    internal sealed record Line(string File, int Number, ReadOnlyMemory<byte> Text)
    {
        public string At => $"{File}:{Number}";
    }

    /// <summary>
    /// An event to append as read, where from (<c>events.jsonl:12</c>): its event, with the fields as stored and
    /// its identity, or what is wrong with it.
    /// </summary>
    internal sealed record Read(string At, EventEnvelope? Envelope, IReadOnlyList<FieldProblem> Problems, byte[] Json, Guid Id)
    {
        public static Read Of(Line line)
        {
            var envelope = EventFormat.Parse(line.Text.Span, out var problems);
            return envelope is null ? new Read(line.At, null, problems, [], Guid.Empty) : Of(line.At, envelope);
        }

        public static Read Of(string at, EventEnvelope envelope)
        {
            var json = EventFormat.DataJson(envelope);
            return new Read(at, envelope, [], json, EventFormat.IdentityOf(envelope, json));
        }
    }

    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<string> paths, Actor actor, IProgress<WorkDone>? progress = null,
        CancellationToken cancellation = default)
    {
        var lines = await LinesAsync(Files(paths), progress, cancellation);
        var athletes = lines.Select(l => EventFormat.AthleteOf(l.Text.Span)).OfType<string>().Where(Codes.IsSlug).Distinct().ToList();

        await using var append = await BulkAppend.BeginAsync(store, cancellation);
        var streams = await append.LockStreamsAsync(athletes, cancellation);
        return await WriteAsync(append, streams, ReadAhead(lines), lines.Count, actor, progress, cancellation);
    }

    /// <summary>
    /// Checks each event against its athlete's career as it stands and writes those that pass, skipping
    /// those the stream holds already; commits only when every one passed, else refuses naming each problem.
    /// </summary>
    internal static async Task<ImportOutcome> WriteAsync(BulkAppend append, Dictionary<string, StreamAppend> streams, IAsyncEnumerable<Read> reads,
        int count, Actor actor, IProgress<WorkDone>? progress, CancellationToken cancellation)
    {
        var problems = new List<FieldProblem>();
        var unreadable = false;
        var (read, appended, skipped) = (0, 0, 0);
        await using (var events = await append.StartEventsAsync(count, cancellation))
        {
            await foreach (var (at, envelope, found, json, id) in reads)
            {
                if (++read % 10_000 == 0) progress?.Report(new WorkDone(CheckingAndWriting, read, count));
                // Once a line cannot be read, the careers after it are guesses: read on, but judge no more.
                unreadable |= envelope is null;
                problems.AddRange(found.Select(p => p with { At = at }));
                if (unreadable) continue;

                var stream = streams[envelope!.Athlete];
                if (!stream.Seen.Add(id))
                {
                    skipped++;
                    continue;
                }

                var refused = Rules.Check(stream.Career, envelope.Data);
                problems.AddRange(refused.Select(p => p with { At = at }));
                if (refused.Count > 0) continue;

                if (problems.Count == 0)
                    await events.WriteAsync(stream, new NewEvent(id, envelope.Data, json, envelope.RecordedAt,
                        envelope.User ?? actor.User, envelope.CorrelationId ?? actor.CorrelationId), cancellation);
                stream.Fold(envelope.Data);
                appended++;
            }

            if (problems.Count > 0) throw new Refused(problems);
            await events.CompleteAsync(cancellation);
            progress?.Report(new WorkDone(CheckingAndWriting, count, count));
        }

        await append.FinishAsync(streams.Values, progress, cancellation);
        progress?.Report(new WorkDone(Committing, 0, 1));
        await append.CommitAsync(cancellation);
        progress?.Report(new WorkDone(Committing, 1, 1));
        return new ImportOutcome(appended, skipped);
    }

    /// <summary>
    /// The lines read in order, a few chunks ahead on other threads: reading a line is most of an
    /// import's own work, and needs nothing but the line, so it keeps the other core busy while this
    /// one checks and writes.
    /// </summary>
    private static async IAsyncEnumerable<Read> ReadAhead(List<Line> lines)
    {
        var ahead = new Queue<Task<Read[]>>();
        using var chunks = lines.Chunk(1024).GetEnumerator();
        while (true)
        {
            while (ahead.Count < 8 && chunks.MoveNext())
            {
                var chunk = chunks.Current;
                ahead.Enqueue(Task.Run(() => Array.ConvertAll(chunk, Read.Of)));
            }

            if (ahead.Count == 0) yield break;
            foreach (var read in await ahead.Dequeue()) yield return read;
        }
    }

    public const string Reading = "reading files";
    public const string CheckingAndWriting = "checking and writing events";
    public const string Committing = "committing";

    /// <summary>Every line of every file that is not blank, in order.</summary>
    private static async Task<List<Line>> LinesAsync(IReadOnlyList<string> files, IProgress<WorkDone>? progress, CancellationToken cancellation)
    {
        var lines = new List<Line>();
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            progress?.Report(new WorkDone(Reading, index, files.Count));
            var bytes = await File.ReadAllBytesAsync(file, cancellation);
            var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            for (var number = 1; start < bytes.Length; number++)
            {
                var end = Array.IndexOf(bytes, (byte)'\n', start);
                if (end < 0) end = bytes.Length;
                var text = bytes.AsMemory(start, end - start).TrimEnd((byte)'\r');
                if (!text.Span.Trim(" \t"u8).IsEmpty) lines.Add(new Line(file, number, text));
                start = end + 1;
            }
        }

        progress?.Report(new WorkDone(Reading, files.Count, files.Count));
        return lines;
    }

    /// <summary>The .jsonl files named, and those in the folders named (and below), in name order.</summary>
    private static IReadOnlyList<string> Files(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new Refused("path", "name at least one .jsonl file or folder to import");
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0) throw new Refused(missing.Select(p => new FieldProblem("path", "no such file or folder", p)).ToList());

        return paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [p]).Distinct().ToList();
    }
}
