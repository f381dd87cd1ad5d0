using Ledger.Store.Hosting;
using Microsoft.Extensions.Hosting;

namespace Ledger.Cli.Verbs;

/// <summary>How a verb ended, as the process's exit status.</summary>
public static class ExitStatus
{
    public const int Done = 0;
    public const int Failed = 1;

    /// <summary>The input was refused; nothing was written.</summary>
    public const int Refused = 2;
}

/// <summary>A verb that says how it ended as an <see cref="ExitStatus"/>.</summary>
public interface ILedgerVerb
{
    Task<int> RunAsync(object input);
}

/// <summary>
/// What every ledger verb shares: the host to take services from, and one way to end. A refusal (<see cref="Refusal"/>)
/// is said on stderr, a line for each reason, with exit status 2; anything else that fails is one line on stderr
/// naming the cause (the whole error with --verbose), with exit status 1. Stdout holds answers only.
/// </summary>
public abstract class LedgerCommand<TInput> : JasperFxAsyncCommand<TInput>, ILedgerVerb where TInput : LedgerInput
{
    public sealed override async Task<bool> Execute(TInput input) => await RunAsync(input) == ExitStatus.Done;

    public async Task<int> RunAsync(object input)
    {
        var verb = (TInput)input;
        IHost? host = null;
        try
        {
            var answers = new Answers(verb.Format);
            host = verb.BuildHost();
            if (UsesTables) await host.Services.EnsureCurrentAsync();
            await Run(verb, host.Services, answers);
            return ExitStatus.Done;
        }
        catch (Refusal refusal)
        {
            foreach (var reason in refusal.Reasons) await Console.Error.WriteLineAsync($"refused: {reason}");
            return ExitStatus.Refused;
        }
        catch (Exception e)
        {
            var cause = e is LocalPostgresUnavailable
                ? e.Message
                : host?.Services.GetRequiredService<DatabaseFaults>().Describe(e) ?? e.Message.Split('\n')[0].Trim();
            await Console.Error.WriteLineAsync($"error: {cause}");
            if (verb.VerboseFlag) await Console.Error.WriteLineAsync(e.ToString());
            return ExitStatus.Failed;
        }
        finally
        {
            host?.Dispose();
        }
    }

    protected abstract Task Run(TInput input, IServiceProvider services, Answers answers);

    /// <summary>
    /// Whether the verb reads or writes the ledger's tables, brought up to this code before it runs
    /// (<see cref="LedgerSchema"/>); serve does so as it starts, and the database's own verbs use none.
    /// </summary>
    protected virtual bool UsesTables => true;

    /// <summary>A whole number a flag gives, named as the read names it (<c>page_size</c> is <c>--page-size</c>).</summary>
    protected static int? Number(string? text, string parameter) => Parameters.Number(text, Parameters.Flag(parameter));

    protected static Sex? SexOf(string? text) => Parameters.SexOf(text, "--sex");
}
