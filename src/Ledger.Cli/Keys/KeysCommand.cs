using Ledger.Store.Keys;

namespace Ledger.Cli.Keys;

public class KeysInput : LedgerInput
{
    [Description("add, list or revoke")] public string Action { get; set; } = "list";
    [Description("The key's name (add, revoke), e.g. athletics-kenya")] public string Name { get; set; } = "";
    [FlagAlias("countries"), Description("add: the countries whose athletes the key may write, e.g. KEN,ETH")]
    public string? CountriesFlag { get; set; }

    [FlagAlias("all"), Description("add: the key may write athletes of every country")]
    public bool AllFlag { get; set; }
}

[Description("Write keys for the HTTP API, scoped to federations: add (the secret is printed once), list, revoke")]
public class KeysCommand : LedgerCommand<KeysInput>
{
    public KeysCommand()
    {
        Usage("Lists the keys: names, scopes, when made and last used; never a secret").Arguments(x => x.Action);
        Usage("Adds a key (--countries C,C or --all) or revokes one").Arguments(x => x.Action, x => x.Name);
    }

    protected override async Task Run(KeysInput input, IServiceProvider services, Answers answers)
    {
        var keys = services.GetRequiredService<WriteKeys>();
        switch (input.Action)
        {
            case "add":
                if (input.AllFlag == (input.CountriesFlag is not null)) throw new Refused("--countries", "give --countries C,C or --all, one of them");
                var countries = input.CountriesFlag?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                var added = await keys.AddAsync(Named(input), countries);
                answers.Write(added, k => new Markup(
                    $"key [bold]{Markup.Escape(k.Name)}[/] for {Markup.Escape(k.Countries is null ? "every country" : string.Join(", ", k.Countries))}:\n" +
                    $"{Markup.Escape(k.Key)}\n" +
                    "It is shown this once: the ledger keeps only its hash.\n"));
                break;
            case "list":
                answers.Write(await keys.ListAsync(), v =>
                {
                    var table = Table("Write keys", "name", "countries", "created", "last used");
                    foreach (var k in v.Keys)
                        table.AddRow(Text(k.Name), Text(k.Countries is null ? "all" : string.Join(", ", k.Countries)), Text(k.Created.ToString("u")),
                            Text(k.LastUsed?.ToString("u") ?? "never"));
                    return table;
                });
                break;
            case "revoke":
                answers.Write(await keys.RevokeAsync(Named(input)), k => $"key {k.Name} revoked");
                break;
            default:
                throw new Refused("action", $"'{input.Action}' is not add, list or revoke");
        }
    }

    private static string Named(KeysInput input) =>
        input.Name is { Length: > 0 } name ? name : throw new Refused("name", $"keys {input.Action} needs the key's name");
}
