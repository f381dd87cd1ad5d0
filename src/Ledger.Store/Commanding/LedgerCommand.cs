namespace Ledger.Store.Commanding;

/// <summary>What every command carries besides its facts: whose stream, who sends it, and its id for safe retries.</summary>
public interface ILedgerCommand
{
    string Athlete { get; }
    string User { get; }
    CommandId? CommandId { get; }
}

/// <summary>A command answered with <typeparamref name="TAnswer"/> (<see cref="LedgerBus.CommandAsync{TAnswer}"/>).</summary>
public interface ILedgerCommand<TAnswer> : ILedgerCommand where TAnswer : CommandAnswer;
