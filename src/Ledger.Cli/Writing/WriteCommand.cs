using System.Text.Json.Nodes;
using Ledger.Store.Commanding;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Ledger.Cli.Writing;

/// <summary>
/// What a write verb reads: the athlete, who sends it, and the fields of the command's event as its
/// arguments and flags give them (<see cref="WriteFlags"/>), read as one JSON object, as a request's body is.
/// </summary>
public class WriteInput : LedgerInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public string Athlete { get; set; } = "";
    [FlagAlias("command-id"),
     Description("An id for this command, the user's own: sent again, it appends nothing and answers as the first time; with other input, it is refused")]
    public string? CommandIdFlag { get; set; }
    [FlagAlias("user"), Description("Who is recording this (the OS user when left out)")] public string? UserFlag { get; set; }

    [IgnoreOnCommandLine]
    public JsonObject Fields { get; } = [];

    public string User => string.IsNullOrWhiteSpace(UserFlag) ? Environment.UserName : UserFlag;
}

/// <summary>The input of the verb of <typeparamref name="TCommand"/>: a type of its own, which JasperFx reads with the flags of the command's event.</summary>
public sealed class WriteInput<TCommand> : WriteInput;

/// <summary>
/// The verb of a declared write (<see cref="Write"/>): the command made of its input, sent through the bus, and its
/// answer printed. A bad input is refused before anything starts, as the API refuses it, naming every wrong field.
/// </summary>
public abstract class WriteCommand<TCommand> : LedgerCommand<WriteInput<TCommand>>
{
    protected override async Task Run(WriteInput<TCommand> input, IServiceProvider services, Answers answers)
    {
        var write = Write.All.Single(w => w.Command == typeof(TCommand));
        var command = write.Make(input.Athlete, input.Fields, input.User, CommandId.Of(input.CommandIdFlag, input.User, "command-id"));
        var host = services.GetRequiredService<IHost>();
        await host.StartAsync();
        try
        {
            var answer = await write.SendAsync(services.GetRequiredService<IMessageBus>(), command, CancellationToken.None);
            if (answer is CommandAnswer { Replayed: true })
                Console.Error.WriteLine($"command id '{input.CommandIdFlag}' was answered before: nothing appended, the first answer follows");
            answers.Write(answer, a => a.ToString()!);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
