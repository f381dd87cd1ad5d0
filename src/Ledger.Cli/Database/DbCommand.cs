
namespace Ledger.Cli.Database;

public class DbInput : LedgerInput
{
    [Description("status (the default), start, stop or promote (the standby)")] public string Action { get; set; } = "status";
    [FlagAlias("standby"), Description("With start: a streaming standby beside the server too, and the multi-host LEDGER_CONNECTION that names both")]
    public bool StandbyFlag { get; set; }
}

/// <param name="Standby">The standby's folder and whether it runs, once one was made (db start --standby).</param>
/// <param name="Connection">Once a standby was made: the LEDGER_CONNECTION naming the server and its standby.</param>
public sealed record DbAnswer(string Database, string? Folder, bool Running, StandbyAnswer? Standby = null, string? Connection = null);

public sealed record StandbyAnswer(string Folder, bool Running, bool Promoted);

[Description("Shows, starts or stops the PostgreSQL the ledger runs itself when LEDGER_CONNECTION is not set, and a standby of it")]
public class DbCommand : LedgerCommand<DbInput>
{
    protected override bool UsesTables => false;

    protected override Task Run(DbInput input, IServiceProvider services, Answers answers)
    {
        if (input.Action is not ("status" or "start" or "stop" or "promote"))
            throw new Refused("action", $"'{input.Action}' is not status, start, stop or promote");
        if (input.StandbyFlag && input.Action != "start") throw new Refused("--standby", "--standby goes with start");
        if (Environment.GetEnvironmentVariable("LEDGER_CONNECTION") is { Length: > 0 })
        {
            if (input.Action != "status") throw new Refused("action", "LEDGER_CONNECTION is set: that server is not the ledger's to start, stop or promote");
            answers.Write(new DbAnswer("LEDGER_CONNECTION", null, true), _ => "using the server named by LEDGER_CONNECTION");
            return Task.CompletedTask;
        }

        var local = DatabaseLocation.Local!;
        var standby = local.Standby;
        switch (input.Action)
        {
            case "start" when input.StandbyFlag:
                local.EnsureStandby();
                break;
            case "start":
                local.EnsureRunning();
                break;
            case "stop":
                standby.Stop();
                local.Stop();
                break;
            case "promote":
                if (!standby.IsRunning || !standby.IsStandby)
                    throw new Refused("action", "no standby is running to promote (ledger db start --standby makes one)");
                standby.Promote();
                break;
        }

        var answer = standby.IsCreated
            ? new DbAnswer("local", local.Folder, local.IsRunning, new StandbyAnswer(standby.Folder, standby.IsRunning, !standby.IsStandby),
                local.WithStandbyConnectionString())
            : new DbAnswer("local", local.Folder, local.IsRunning);
        answers.Write(answer, v => string.Join('\n', new[]
        {
            $"the ledger's own PostgreSQL in {v.Folder} is {(v.Running ? "running" : "stopped")}",
            v.Standby is { } s ? $"its standby in {s.Folder} is {(s.Running ? "running" : "stopped")}{(s.Promoted ? ", promoted to a primary" : "")}" : null,
            v.Connection is { } both ? $"to use both (the standby for serve's public reads):\nexport LEDGER_CONNECTION='{both}'" : null,
        }.OfType<string>()));
        return Task.CompletedTask;
    }
}
