namespace Ledger.Store.Hosting;

/// <summary>How the read models' COPY statements write their rows.</summary>
public static class Copying
{
    /// <summary>
    /// The options of a binary COPY. Into a table emptied by a truncate in the same transaction (a rebuild's replay), rows can be
    /// written frozen: visible to every transaction after the commit, and the table's pages marked all-visible, so no vacuum has
    /// to pass over them before a count can read an index alone (PostgreSQL's COPY FREEZE). No one sees the table meanwhile: the
    /// truncate holds it until the commit.
    /// </summary>
    public static string Options(bool frozen) => frozen ? "(format binary, freeze)" : "(format binary)";
}
