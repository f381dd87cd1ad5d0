using JasperFx.CommandLine;
using Ledger.Cli.Verbs;

namespace Ledger.Cli.Careers;

public class AthleteInput : LedgerInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")]
    public string Athlete { get; set; } = "";

    [FlagAlias("as-of")]
    [Description("Only what had happened by this date (YYYY-MM-DD; a partial date counts from its last day)")]
    public string? AsOfFlag { get; set; }

    [FlagAlias("known-at")]
    [Description("Only what the ledger had been told by this instant (ISO 8601)")]
    public string? KnownAtFlag { get; set; }
}
