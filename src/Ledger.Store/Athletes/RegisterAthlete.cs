using Ledger.Store.Commanding;
using Wolverine.Marten;

namespace Ledger.Store.Athletes;

[Write("register-athlete", "/athletes/{athlete}", "Registers an athlete, starting their stream")]
public sealed record RegisterAthlete(string Athlete, AthleteRegistered Registration, string User, CommandId? CommandId = null) : ILedgerCommand<AthleteAnswer>;

public static class RegisterAthleteHandler
{
    /// <summary>Starts the athlete's stream; registering again is refused by the rules, as any second registration is.</summary>
    public static (AthleteAnswer, IReadOnlyList<object>) Handle(RegisterAthlete command,
        [WriteAggregate(nameof(RegisterAthlete.Athlete), Required = false)] Career? career)
    {
        if (!Codes.IsSlug(command.Athlete))
            throw new Refused([new FieldProblem("athlete", $"'{command.Athlete}' is not an athlete slug (lower-case letters, digits, '-')")]);

        return (new AthleteAnswer(command.Athlete), Decisions.Append(career ?? new Career { Id = command.Athlete }, command.Registration).Events);
    }
}
