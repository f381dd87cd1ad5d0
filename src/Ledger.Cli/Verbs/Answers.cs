using Ledger.Store.ImportExport;
using Spectre.Console.Rendering;

namespace Ledger.Cli.Verbs;

/// <summary>
/// Where a verb answers: stdout, one JSON document with --json, else a table. Progress bars go to stderr, and
/// only to a terminal, so stdout holds the answer alone.
/// </summary>
public sealed class Answers(bool json)
{
    private readonly IAnsiConsole _out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    /// <summary>Prints the view as JSON, or as the table <paramref name="table"/> draws of it.</summary>
    public void Write<T>(T view, Func<T, IRenderable> table)
    {
        if (json) Console.Out.WriteLine(ViewJson.Write(view));
        else _out.Write(table(view));
    }

    /// <summary>Prints the view as JSON, or as a line of text, unwrapped: it may be copied whole.</summary>
    public void Write<T>(T view, Func<T, string> line)
    {
        if (json) Console.Out.WriteLine(ViewJson.Write(view));
        else Console.Out.WriteLine(line(view));
    }

    /// <summary>Runs long work with a bar per step, quietly with --json or where stderr is no terminal.</summary>
    public async Task<T> WithProgress<T>(Func<IProgress<WorkDone>?, Task<T>> work)
    {
        if (json || Console.IsErrorRedirected) return await work(null);
        var bars = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await bars.Progress().StartAsync(async context =>
        {
            var steps = new StepBars(context);
            var answer = await work(steps);
            steps.Complete();
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
}
