using Microsoft.Extensions.Hosting;

namespace Ledger.Cli.Verbs;

/// <summary>What every verb of the ledger takes, and the process's one host, which it runs on.</summary>
public class LedgerInput : IHostBuilderInput
{
    [FlagAlias("json"), Description("Print exactly one JSON document instead of a table")] public bool JsonFlag { get; set; }
    [FlagAlias("verbose"), Description("On an error, print all of it, its stack trace too")] public bool VerboseFlag { get; set; }

    [IgnoreOnCommandLine] public IHostBuilder HostBuilder { get; set; } = null!;

    /// <summary>The host as this verb needs it; serve adds its web server.</summary>
    public virtual IHost BuildHost() => HostBuilder.Build();
}
