using System.Text.Json;
using Spectre.Console;

namespace Ledger.Benchmarks;

/// <summary>What every run does with its figures: a table on the console and the same figures as JSON.</summary>
public static class Figures
{
    public static async Task ReportAsync(Dictionary<string, double> figures, string output)
    {
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in figures) table.AddRow(name, value < 10 ? value.ToString("G3") : value.ToString("N0"));
        AnsiConsole.Write(table);
        // Four decimals: a ratio such as profile_vs_health may be a few thousandths.
        await File.WriteAllTextAsync(output,
            JsonSerializer.Serialize(figures.ToDictionary(f => f.Key, f => Math.Round(f.Value, 4)), new JsonSerializerOptions { WriteIndented = true }));
        AnsiConsole.MarkupLine($"written to {Markup.Escape(Path.GetFullPath(output))}");
    }

    public static double Percentile(List<TimeSpan> values, int percent)
    {
        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>How long each step of a long job took, as its progress reports name them: the time from a step's first report to the next step's.</summary>
public sealed class StepClock : IProgress<Ledger.Store.ImportExport.WorkDone>
{
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<(string Step, TimeSpan At)> _starts = [];

    public void Report(Ledger.Store.ImportExport.WorkDone value)
    {
        if (_starts.Count == 0 || _starts[^1].Step != value.Step) _starts.Add((value.Step, _watch.Elapsed));
    }

    /// <summary>Each step's seconds, the last one's until now.</summary>
    public IEnumerable<(string Step, double Seconds)> Steps() =>
        _starts.Select((start, i) => (start.Step, ((i + 1 < _starts.Count ? _starts[i + 1].At : _watch.Elapsed) - start.At).TotalSeconds));
}
