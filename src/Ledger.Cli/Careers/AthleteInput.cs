using static Ledger.Cli.Verbs.Tables;
using Ledger.Cli.Verbs;
using Ledger.Store.Athletes;
using Ledger.Store.Audit;
using Ledger.Store.Careers;
using Ledger.Store.Reading;
using Ledger.Store.Records;
using Ledger.Store.Toplists;
using System.Text.Json.Nodes;
using System.Text.Json;
using JasperFx.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Rendering;

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
