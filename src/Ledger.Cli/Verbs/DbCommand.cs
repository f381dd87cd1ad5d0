using JasperFx.CommandLine;
using Ledger.Store;
using Spectre.Console;

namespace Ledger.Cli.Verbs;

public class DbInput : LedgerInput
{
    [Description("status (the default), start or stop")]
    public string Action { get; set; } = "status";
}

public sealed record DbAnswer(string Database, string? Folder, bool Running);

[Description("Shows, starts or stops the PostgreSQL the ledger runs itself when LEDGER_CONNECTION is not set")]
public class DbCommand : LedgerCommand<DbInput>
{
    protected override Task Run(DbInput input, IServiceProvider services)
    {
        if (input.Action is not ("status" or "start" or "stop")) throw new InputRefused($"'{input.Action}' is not status, start or stop");
        if (Environment.GetEnvironmentVariable("LEDGER_CONNECTION") is { Length: > 0 })
        {
            if (input.Action != "status") throw new InputRefused("LEDGER_CONNECTION is set: that server is not the ledger's to start or stop");
            Answer(input, new DbAnswer("LEDGER_CONNECTION", null, true), _ => new Markup("using the server named by LEDGER_CONNECTION\n"));
            return Task.CompletedTask;
        }

        var local = Database.Local!;
        switch (input.Action)
        {
            case "start":
                local.EnsureRunning();
                break;
            case "stop":
                local.Stop();
                break;
        }

        Answer(input, new DbAnswer("local", local.Folder, local.IsRunning),
            v => new Markup($"the ledger's own PostgreSQL in {Markup.Escape(v.Folder!)} is {(v.Running ? "running" : "stopped")}\n"));
        return Task.CompletedTask;
    }
}
