using Ledger.Store.ImportExport;
using Spectre.Console.Rendering;

namespace Ledger.Cli.Verbs;

/// <summary>How a verb prints its answer.</summary>
public enum AnswerFormat
{
    Table,
    Json,

    /// <summary>The answer's one list, for a spreadsheet (<see cref="ViewCsv"/>).</summary>
    Csv,
}

/// <summary>
/// Where a verb answers: stdout, one JSON document with --json, a list as CSV with --csv, else a table. Progress bars go
/// to stderr, and only to a terminal, so stdout holds the answer alone.
/// </summary>
public sealed class Answers(AnswerFormat format)
{
    private readonly IAnsiConsole _out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    /// <summary>Prints the view as JSON or CSV, or as the table <paramref name="table"/> draws of it.</summary>
    public void Write<T>(T view, Func<T, IRenderable> table) => Print(view, v => _out.Write(table(v)));

    /// <summary>Prints the view as JSON, or as a line of text, unwrapped: it may be copied whole.</summary>
    public void Write<T>(T view, Func<T, string> line) => Print(view, v => Console.Out.WriteLine(line(v)));

    private void Print<T>(T view, Action<T> asText)
    {
        switch (format)
        {
            case AnswerFormat.Json:
                Console.Out.WriteLine(ViewJson.Write(view));
                break;
            case AnswerFormat.Csv:
                // The bytes as they are, UTF-8 whatever the console's encoding.
                Console.Out.Flush();
                using (var stdout = Console.OpenStandardOutput()) stdout.Write(ViewCsv.Write(view!));
                break;
            default:
                asText(view);
                break;
        }
    }

    /// <summary>Runs long work with a bar per step, quietly with --json or where stderr is no terminal.</summary>
    public async Task<T> WithProgress<T>(Func<IProgress<WorkDone>?, Task<T>> work)
    {
        if (format != AnswerFormat.Table || Console.IsErrorRedirected) return await work(null);
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
