namespace Ledger.Cli.Careers;

public class AthleteInput : MomentInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public string Athlete { get; set; } = "";
}
