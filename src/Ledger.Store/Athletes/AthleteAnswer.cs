namespace Ledger.Store.Athletes;

/// <summary>What a command about the athlete as a whole answers: whose stream it was appended to.</summary>
public sealed record AthleteAnswer(string Athlete)
{
    public override string ToString() => $"recorded for {Athlete}";
}
