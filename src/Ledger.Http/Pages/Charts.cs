using ScottPlot;

namespace Ledger.Http.Pages;

/// <summary>A drawn chart: an SVG picture as a data URI, and what it shows (<see cref="ChartFigure"/> puts it on a page).</summary>
public sealed record Chart(string Source, string Caption, int Width, int Height);

/// <summary>
/// Marks over time, drawn by ScottPlot as SVG, with the better marks higher (the faster, the farther,
/// the more points).
/// </summary>
public static class Charts
{
    public sealed record Series(string Label, IReadOnlyList<(PartialDate Date, Mark Mark)> Points, Color Color, MarkerShape Shape, bool Joined = false,
        float Size = 9);

    public static readonly Color Results = Colors.Gray, Bests = Color.FromHex("#0b57a4"), Records = Color.FromHex("#c62828");

    private const int Width = 720, Height = 300;

    /// <summary>The series' marks over time; none when no series has a mark.</summary>
    public static Chart? Progression(string caption, Discipline discipline, params Series[] series)
    {
        var drawn = series.Where(s => s.Points.Count > 0).ToList();
        if (drawn.Count == 0) return null;
        var plot = new Plot();
        foreach (var s in drawn)
        {
            var scatter = plot.Add.Scatter(s.Points.Select(p => Day(p.Date)).ToArray(), s.Points.Select(p => p.Mark.Value).ToArray());
            scatter.LegendText = s.Label;
            scatter.Color = s.Color;
            scatter.MarkerShape = s.Shape;
            scatter.MarkerSize = s.Size;
            scatter.LineWidth = s.Joined ? 2 : 0;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Label(discipline.Info.Kind) };
        // Explicit margins: a single mark would otherwise stretch over a few hours and a few hundredths.
        var days = drawn.SelectMany(s => s.Points).Select(p => Day(p.Date)).ToList();
        var marks = drawn.SelectMany(s => s.Points).Select(p => p.Mark.Value).ToList();
        var dayMargin = Math.Max((days.Max() - days.Min()) * 0.05, 180);
        var markMargin = Math.Max((marks.Max() - marks.Min()) * 0.1, marks.Max() * 0.005);
        plot.Axes.SetLimitsX(days.Min() - dayMargin, days.Max() + dayMargin);
        // The worst mark goes at the bottom, so an improvement climbs: for times, that is the slowest.
        var (worst, best) = discipline.LowerIsBetter
            ? (marks.Max() + markMargin, marks.Min() - markMargin)
            : (marks.Min() - markMargin, marks.Max() + markMargin);
        plot.Axes.SetLimitsY(bottom: worst, top: best);
        plot.ShowLegend(Alignment.LowerRight);

        var svg = plot.GetSvgXml(Width, Height);
        // With a viewBox the picture scales down to a phone's width instead of being cut off.
        svg = svg.Replace($"""width="{Width}" height="{Height}">""", $"""width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}">""");
        // As an image, each chart keeps its own SVG ids: ScottPlot reuses them from chart to chart.
        return new Chart("data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg)), caption, Width, Height);
    }

    private static double Day(PartialDate date) => date.FirstDay.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static Func<double, string> Label(MarkKind kind) => kind switch
    {
        MarkKind.Time => Time,
        MarkKind.Points => points => points.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        _ => metres => metres.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Time(double seconds)
    {
        var hundredths = Math.Round(seconds, 2);
        var format = hundredths >= 3600 ? @"h\:mm\:ss" : hundredths % 1 == 0 ? @"m\:ss" : @"m\:ss\.ff";
        return TimeSpan.FromSeconds(hundredths).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }
}
