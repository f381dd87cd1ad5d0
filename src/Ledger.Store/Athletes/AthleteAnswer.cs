using Ledger.Store.Commanding;

namespace Ledger.Store.Athletes;

/// <summary>What a command about the athlete as a whole answers: whose stream it was appended to.</summary>
public sealed record AthleteAnswer(string Athlete) : CommandAnswer
{
    public override string ToString() => $"recorded for {Athlete}";
}
