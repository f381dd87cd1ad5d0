using Microsoft.Extensions.Hosting;

namespace Ledger.Cli.Verbs;

/// <summary>What every verb of the ledger takes, and the process's one host, which it runs on.</summary>
public class LedgerInput : IHostBuilderInput
{
    [FlagAlias("json"), Description("Print exactly one JSON document instead of a table")] public bool JsonFlag { get; set; }
    [FlagAlias("verbose"), Description("On an error, print all of it, its stack trace too")] public bool VerboseFlag { get; set; }

    [IgnoreOnCommandLine] public IHostBuilder HostBuilder { get; set; } = null!;

    /// <summary>How the verb prints its answer; a verb that answers a list may print CSV too (<see cref="ListInput"/>).</summary>
    public virtual AnswerFormat Format => JsonFlag ? AnswerFormat.Json : AnswerFormat.Table;

    /// <summary>The host as this verb needs it; serve adds its web server.</summary>
    public virtual IHost BuildHost() => HostBuilder.Build();
}

/// <summary>The input of a read that answers a list, which a spreadsheet may open.</summary>
public class ListInput : LedgerInput
{
    [FlagAlias("csv"), Description("Print the list as CSV (RFC 4180, UTF-8, a header row of the JSON entries' keys) instead of a table")]
    public bool CsvFlag { get; set; }

    public override AnswerFormat Format => CsvFlag switch
    {
        true when JsonFlag => throw new Refused("--csv", "give --csv or --json, not both"),
        true => AnswerFormat.Csv,
        false => base.Format,
    };
}
