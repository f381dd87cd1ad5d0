using JasperFx.CommandLine;
using Ledger.Domain;
using Ledger.Store.Hosting;
using Ledger.Store.ImportExport;
using Ledger.Store.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Reflection;
using System.Text.Json;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>How a verb ended, for the process's exit status: 2 when its input was refused, else JasperFx's.</summary>
public static class Outcome
{
    public static bool Refused { get; set; }

    /// <summary>Whether a ledger verb got as far as running: if not, JasperFx refused its arguments.</summary>
    public static bool Ran { get; set; }

    /// <summary>The ledger's own verbs, as JasperFx names them.</summary>
    public static IReadOnlySet<string> Verbs { get; } = typeof(Outcome).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && IsLedgerCommand(b))
        .Select(t => t.GetCustomAttribute<DescriptionAttribute>()?.Name ?? t.Name[..^"Command".Length].ToLowerInvariant())
        .ToHashSet();

    public static int ExitCode(string[] args, int jasperFxExitCode) =>
        Refused || (jasperFxExitCode != 0 && !Ran && Verbs.Contains(args.FirstOrDefault() ?? "")) ? 2 : jasperFxExitCode;

    private static bool IsLedgerCommand(Type type) =>
        type.GetGenericTypeDefinition() == typeof(LedgerCommand<>)
        || (type.BaseType is { IsGenericType: true } b && IsLedgerCommand(b));

    /// <summary>The console that prints a verb's answer: stdout.</summary>
    public static IAnsiConsole Answers { get; set; } = AnsiConsole.Console;
}

public class LedgerInput : NetCoreInput
{
    [FlagAlias("json")]
    [Description("Print exactly one JSON document instead of a table")]
    public bool JsonFlag { get; set; }

    /// <summary>JasperFx says "Verbose flag is on." on stdout, which holds answers only: it goes to stderr.</summary>
    public override void ApplyHostBuilderInput()
    {
        var answers = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            base.ApplyHostBuilderInput();
        }
        finally
        {
            Console.SetOut(answers);
        }
    }
}

/// <summary>
/// What every ledger verb shares: a host to take services from, and one way to answer. Refused input
/// (a bad line, an unknown athlete, a malformed date) is said on stderr with exit status 2; anything
/// else that fails is one line on stderr naming the cause (the stack trace too with --verbose) and
/// exit status 1. Stdout holds answers only.
/// </summary>
public abstract class LedgerCommand<TInput> : JasperFxAsyncCommand<TInput> where TInput : LedgerInput
{
    public sealed override async Task<bool> Execute(TInput input)
    {
        AnsiConsole.Console = Outcome.Answers;
        Outcome.Ran = true;
        IHost? host = null;
        try
        {
            host = input.BuildHost();
            if (UsesTables) await host.Services.EnsureCurrentAsync();
            await Run(input, host.Services);
            return true;
        }
        catch (Refusal refusal)
        {
            foreach (var reason in refusal.Reasons) Console.Error.WriteLine($"refused: {reason}");
            Outcome.Refused = true;
            return false;
        }
        catch (Exception e)
        {
            var cause = e is LocalPostgresUnavailable
                ? e.Message
                : host?.Services.GetRequiredService<DatabaseFaults>().Describe(e) ?? e.Message.Split('\n')[0].Trim();
            Console.Error.WriteLine($"error: {cause}");
            if (input.VerboseFlag) Console.Error.WriteLine(e);
            return false;
        }
        finally
        {
            host?.Dispose();
        }
    }

    protected abstract Task Run(TInput input, IServiceProvider services);

    /// <summary>
    /// Whether the verb reads or writes the ledger's tables, brought up to this code before it runs
    /// (<see cref="LedgerSchema"/>); serve does so as it starts, and the database's own verbs use none.
    /// </summary>
    protected virtual bool UsesTables => true;

    /// <summary>Prints the view as JSON, or as the table <paramref name="table"/> draws of it.</summary>
    protected static void Answer<T>(TInput input, T view, Func<T, Spectre.Console.Rendering.IRenderable> table)
    {
        if (input.JsonFlag) Console.Out.WriteLine(ViewJson.Write(view));
        else AnsiConsole.Write(table(view));
    }

    /// <summary>
    /// Runs long work with a progress bar per step on the terminal; with --json, or when the output is
    /// not a terminal, quietly, so stdout holds only the answer.
    /// </summary>
    protected static async Task<T> WithProgress<T>(TInput input, Func<IProgress<WorkDone>?, Task<T>> work)
    {
        if (input.JsonFlag || Console.IsOutputRedirected) return await work(null);
        return await AnsiConsole.Progress().StartAsync(async context =>
        {
            var bars = new StepBars(context);
            var answer = await work(bars);
            bars.Complete();
            return answer;
        });
    }

    /// <summary>A bar per step, moved as the work reports, on the worker's own thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class StepBars(ProgressContext context) : IProgress<WorkDone>
    {
        private readonly Dictionary<string, ProgressTask> _steps = [];

        public void Report(WorkDone done)
        {
            if (!_steps.TryGetValue(done.Step, out var step)) _steps[done.Step] = step = context.AddTask(done.Step);
            step.MaxValue = Math.Max(1, done.Total);
            step.Value = done.Done;
        }

        public void Complete()
        {
            foreach (var step in _steps.Values) step.Value = step.MaxValue;
        }
    }

    protected static DateOnly? AsOf(string? text) => Parameters.AsOf(text, "--as-of");

    protected static DateTimeOffset? KnownAt(string? text) => Parameters.KnownAt(text, "--known-at");

    protected static int? Number(string? text, string flag) => Parameters.Number(text, $"--{flag}");

    protected static string Flag(string parameter) => Parameters.Flag(parameter);

    protected static Sex? SexOf(string? text) => Parameters.SexOf(text, "--sex");

    protected static Table Table(string title, params string[] columns)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded);
        foreach (var column in columns) table.AddColumn(column);
        return table;
    }

    protected static string Text(object? value) => Markup.Escape(value switch
    {
        System.Text.Json.Nodes.JsonNode node when node.GetValueKind() == System.Text.Json.JsonValueKind.String => node.Deserialize<string>()!,
        _ => value?.ToString() ?? "",
    });
}
