using Ledger.Store.Athletes;
using Ledger.Store.Commanding;

namespace Ledger.Store.Careers;

// Club moves and honours: facts the ledger records as they are, once the rules allow them.

[Write("join-club", "/athletes/{athlete}/clubs", "Appends a club move: the athlete joins a club", Arguments = ["club"])]
public sealed record JoinClub(string Athlete, ClubJoined Joined, string User, CommandId? CommandId = null) : ILedgerCommand<AthleteAnswer>;

[Write("leave-club", "/athletes/{athlete}/club-departures", "Appends a club move: the athlete leaves a club", Arguments = ["club"])]
public sealed record LeaveClub(string Athlete, ClubLeft Left, string User, CommandId? CommandId = null) : ILedgerCommand<AthleteAnswer>;

[Write("award-honour", "/athletes/{athlete}/honours", "Appends an honour")]
public sealed record AwardHonour(string Athlete, HonourAwarded Honour, string User, CommandId? CommandId = null) : ILedgerCommand<AthleteAnswer>;

public static class CareerFactsHandler
{
    public static (AthleteAnswer, IReadOnlyList<object>) Handle(JoinClub command, [Registered] Career career) => Append(command, career, command.Joined);

    public static (AthleteAnswer, IReadOnlyList<object>) Handle(LeaveClub command, [Registered] Career career) => Append(command, career, command.Left);

    public static (AthleteAnswer, IReadOnlyList<object>) Handle(AwardHonour command, [Registered] Career career) => Append(command, career, command.Honour);

    private static (AthleteAnswer, IReadOnlyList<object>) Append(ILedgerCommand command, Career career, object fact) =>
        (new AthleteAnswer(command.Athlete), Decisions.Append(career, fact).Events);
}
