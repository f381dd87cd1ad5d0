using Ledger.Domain;
using Marten;

namespace Ledger.Store.Commands;

public sealed record RegisterAthlete(string Athlete, AthleteRegistered Registration, string User, string? CommandId = null) : ILedgerCommand;

public static class RegisterAthleteHandler
{
    public static async Task<AthleteAnswer> Handle(RegisterAthlete command, IDocumentSession session, CancellationToken cancellation)
    {
        if (await Commanding.RecallAsync<AthleteAnswer>(session, command, cancellation) is { } earlier) return earlier;
        if (!Codes.IsSlug(command.Athlete))
            throw new CommandRefused([new FieldProblem("athlete", $"'{command.Athlete}' is not an athlete slug (lower-case letters, digits, '-')")]);

        var stream = await session.Events.FetchForWriting<Career>(command.Athlete, cancellation);
        stream.AppendMany(Decisions.Append(stream.Aggregate ?? new Career { Id = command.Athlete }, command.Registration));
        return Commanding.Remember(session, command, new AthleteAnswer(command.Athlete));
    }
}
