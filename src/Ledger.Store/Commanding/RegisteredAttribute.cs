using Wolverine.Marten;
using Wolverine.Persistence;

namespace Ledger.Store.Commanding;

/// <summary>
/// The athlete's career, fetched for writing by the command's athlete (Wolverine's aggregate handler
/// workflow); a command for an athlete the ledger does not hold goes no further.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RegisteredAttribute : WriteAggregateAttribute
{
    public RegisteredAttribute() : base(nameof(ILedgerCommand.Athlete))
    {
        OnMissing = OnMissing.ThrowException;
        MissingMessage = "no athlete '{0}' in the ledger";
    }
}
