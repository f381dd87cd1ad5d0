
namespace Ledger.Cli.Verbs;

/// <summary>The input of a read that answers as the ledger knew it at an instant.</summary>
public class KnownAtInput : ListInput
{
    [FlagAlias("known-at"), Description("What the ledger had been told by this instant (ISO 8601)")]
    public string? KnownAtFlag { get; set; }

    public DateTimeOffset? KnownAt => Parameters.KnownAt(KnownAtFlag, "--known-at");
}

/// <summary>The input of a read that answers for a moment: what had happened by a date, and what the ledger knew at an instant.</summary>
public class MomentInput : KnownAtInput
{
    [FlagAlias("as-of"), Description("What had happened by this date (YYYY-MM-DD; a partial date counts from its last day)")]
    public string? AsOfFlag { get; set; }

    public DateOnly? AsOf => Parameters.AsOf(AsOfFlag, "--as-of");
}
