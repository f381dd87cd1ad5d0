using System.Text.RegularExpressions;
using Ledger.Store.Commanding;
using Ledger.Store.Records;
using Wolverine;

namespace Ledger.Store.Results;

[Write("add-result", "/athletes/{athlete}/results", "Appends a result; a pending record with it in every scope where it beats or equals the standing one")]
public sealed partial record RecordResult(string Athlete, ResultRecorded Result, string User, CommandId? CommandId = null) : ILedgerCommand<ResultAnswer>
{
    /// <summary>A readable result id from the race itself, for results sent without one: 2026-04-12-rotterdam-marathon-marathon.</summary>
    public static string IdFor(PartialDate date, string competition, Discipline discipline) =>
        $"{date}-{NotSlug().Replace(competition.ToLowerInvariant(), "-").Trim('-')}-{discipline}";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

public static class RecordResultHandler
{
    /// <summary>The records the result is weighed against, held until the command commits (alone when it is made again).</summary>
    public static Task<Func<RecordList, RecordContext>> LoadAsync(RecordResult command, Career career, IDocumentSession session, Envelope envelope,
        CancellationToken cancellation) =>
        StandingRecords.ContextsAsync(session, career, command.Result, [], alone: envelope.Attempts > 1, cancellation);

    public static Task<(ResultAnswer, IReadOnlyList<object>)> HandleAsync(RecordResult command, [Registered] Career career,
        Func<RecordList, RecordContext> records, IDocumentSession session, CancellationToken cancellation) =>
        ResultAnswer.CompleteAsync(session, Decisions.RecordResult(career, command.Result, records), command.Result.ResultId, cancellation);
}
