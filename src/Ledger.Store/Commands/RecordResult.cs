using System.Text.RegularExpressions;
using Ledger.Domain;
using Marten;

namespace Ledger.Store.Commands;

public sealed partial record RecordResult(string Athlete, ResultRecorded Result, string User, string? CommandId = null) : ILedgerCommand
{
    /// <summary>A readable result id from the race itself, for results sent without one: 2026-04-12-rotterdam-marathon-marathon.</summary>
    public static string IdFor(PartialDate date, string competition, Discipline discipline) =>
        $"{date}-{NotSlug().Replace(competition.ToLowerInvariant(), "-").Trim('-')}-{discipline}";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

public static class RecordResultHandler
{
    public static async Task<ResultAnswer> Handle(RecordResult command, IDocumentSession session, CancellationToken cancellation)
    {
        if (await Commanding.RecallAsync<ResultAnswer>(session, command, cancellation) is { } earlier) return earlier;

        var stream = await Commanding.CareerAsync(session, command, cancellation);
        var career = stream.Aggregate!;
        var records = await Commanding.RecordsAsync(session, career, command.Result.Discipline, command.Result.Indoor == true, null, cancellation);
        var events = Decisions.RecordResult(career, command.Result, records);
        stream.AppendMany(events);
        return Commanding.Remember(session, command, Commanding.AnswerFor(career, events, command.Result.ResultId));
    }
}
