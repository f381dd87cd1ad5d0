
namespace Ledger.Store.Reading;

/// <summary>
/// What every read of the ledger shares. Domain time (<c>asOf</c>: when it happened) is read off the
/// projected documents by each fact's own date; system time (<c>knownAt</c>: what the ledger knew) comes
/// from Marten's time travel over one stream, or from the documents that keep when each entry was learned.
/// </summary>
/// <param name="fromPrimary">
/// Whether to read from the primary even where the store sends query sessions to a standby, which may
/// lag: a writer then reads what it has just written. A document session always reads from the primary.
/// </param>
public abstract class Reads(IDocumentStore store, ReadsFromPrimary? fromPrimary)
{
    protected IDocumentStore Store => store;

    protected IQuerySession Session() => fromPrimary?.Invoke() == true ? store.LightweightSession() : store.QuerySession();
}
