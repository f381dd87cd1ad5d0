using Ledger.Store.ImportExport;

namespace Ledger.Cli.ImportExport;

public class ImportResultsInput : LedgerInput
{
    [Description(".csv, .tsv or .xlsx files of results, a header row naming the columns")] public IEnumerable<string> Files { get; set; } = [];
    [FlagAlias("dry-run"), Description("Decide every row and print what would be appended, writing nothing")] public bool DryRunFlag { get; set; }
    [FlagAlias("user"), Description("Who is importing, recorded with every event (the OS user when left out)")] public string? UserFlag { get; set; }
    [FlagAlias("encoding"), Description("The encoding of text files without a byte-order mark that are not UTF-8: windows-1252, iso-8859-1, ...")]
    public string? EncodingFlag { get; set; }
}

[Description("Adds the results of spreadsheets (.csv, .tsv, .xlsx), each decided as add-result decides it; all or nothing", Name = "import-results")]
public class ImportResultsCommand : LedgerCommand<ImportResultsInput>
{
    protected override async Task Run(ImportResultsInput input, IServiceProvider services, Answers answers)
    {
        var rows = ResultSheets.Read(input.Files.ToList(), input.EncodingFlag);
        var import = services.GetRequiredService<ResultsImport>();
        var outcome = await answers.WithProgress(progress => import.ImportAsync(rows, Actor.Current(input.UserFlag), input.DryRunFlag, progress));

        answers.Write(outcome, v =>
        {
            var table = Table($"{(input.DryRunFlag ? "Would append" : "Appended")} {v.Appended} results ({v.Skipped} already in the ledger)",
                "athlete", "results");
            foreach (var (athlete, results) in v.ResultsByAthlete) table.AddRow(Text(athlete), Text(results));
            table.Caption = new TableTitle($"{v.AthletesRegistered} athletes registered, {v.PersonalBests} personal bests, records: " +
                                           (v.Records.Count == 0 ? "none" : string.Join(", ", v.Records.Select(r => $"{r.Key} {r.Value}"))));
            return table;
        });
    }
}
