using Ledger.Domain;
using Marten;

namespace Ledger.Store.Commands;

// Club moves and honours: facts the ledger records as they are, once the rules allow them.

public sealed record JoinClub(string Athlete, ClubJoined Joined, string User, string? CommandId = null) : ILedgerCommand;

public sealed record LeaveClub(string Athlete, ClubLeft Left, string User, string? CommandId = null) : ILedgerCommand;

public sealed record AwardHonour(string Athlete, HonourAwarded Honour, string User, string? CommandId = null) : ILedgerCommand;

public static class CareerFactsHandler
{
    public static Task<AthleteAnswer> Handle(JoinClub command, IDocumentSession session, CancellationToken cancellation) =>
        AppendAsync(session, command, command.Joined, cancellation);

    public static Task<AthleteAnswer> Handle(LeaveClub command, IDocumentSession session, CancellationToken cancellation) =>
        AppendAsync(session, command, command.Left, cancellation);

    public static Task<AthleteAnswer> Handle(AwardHonour command, IDocumentSession session, CancellationToken cancellation) =>
        AppendAsync(session, command, command.Honour, cancellation);

    private static async Task<AthleteAnswer> AppendAsync(IDocumentSession session, ILedgerCommand command, object fact, CancellationToken cancellation)
    {
        if (await Commanding.RecallAsync<AthleteAnswer>(session, command, cancellation) is { } earlier) return earlier;

        var stream = await Commanding.CareerAsync(session, command, cancellation);
        stream.AppendMany(Decisions.Append(stream.Aggregate!, fact));
        return Commanding.Remember(session, command, new AthleteAnswer(command.Athlete));
    }
}
