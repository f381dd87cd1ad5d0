using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MiniExcelLibs;

namespace Ledger.Store.ImportExport;

/// <summary>A row of a results spreadsheet: where it stands (<c>season.csv:5</c>, <c>season.xlsx:Results!5</c>) and its cells by column.</summary>
public sealed record SheetRow(string At, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Results spreadsheets as a federation's statistician keeps them: <c>.csv</c>, <c>.tsv</c> or <c>.xlsx</c>
/// (its first sheet), a header row whose columns are named as the contract's fields, in any order and
/// any case, then a row a performance. Read by CsvHelper and MiniExcel. Text files are UTF-8 (with or
/// without a byte-order mark) or UTF-16 with one, as Excel's "Unicode text" writes; another encoding
/// is read only when named, since guessing it would store names mangled.
/// </summary>
public static class ResultSheets
{
    /// <summary>The columns a sheet may have: the athlete, the fields that register one, and every field of a result.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "athlete", "name", "country", "sex", "born",
        .. EventFormat.Fields(typeof(ResultRecorded)).Select(f => f.Name),
    ];

    /// <summary>Every row of every file, in order; refused naming every file, line and column that cannot be read.</summary>
    public static IReadOnlyList<SheetRow> Read(IReadOnlyList<string> files, string? encoding = null) =>
        Read(files.Select(file => (file, file)).ToList(), encoding);

    /// <summary>
    /// As <see cref="Read(IReadOnlyList{string}, string?)"/>, each file named in what is said of it as <c>Name</c>
    /// (an upload's kind, not a temporary path).
    /// </summary>
    public static IReadOnlyList<SheetRow> Read(IReadOnlyList<(string Path, string Name)> files, string? encoding = null)
    {
        if (files.Count == 0) throw new Refused("file", "name at least one .csv, .tsv or .xlsx file");
        var named = encoding is null ? null : EncodingNamed(encoding);
        var rows = new List<SheetRow>();
        var problems = new List<FieldProblem>();
        foreach (var (path, file) in files)
        {
            if (!File.Exists(path))
            {
                problems.Add(new FieldProblem("file", "no such file", file));
                continue;
            }

            var table = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".xlsx" => Workbook(path, file, problems),
                ".csv" or ".tsv" or ".txt" => Text(path, file, named, problems),
                var other => Refuse(problems, file, $"'{other}' is not a spreadsheet this reads: .csv, .tsv or .xlsx"),
            };
            rows.AddRange(Rows(table, problems));
        }

        if (problems.Count > 0) throw new Refused(problems);
        return rows;
    }

    /// <summary>A sheet as read: where its header and each row stand, and their cells in column order.</summary>
    private sealed record Table(string File, string HeaderAt, IReadOnlyList<string> Header, IEnumerable<(string At, IReadOnlyList<string> Cells)> Rows);

    private static IEnumerable<SheetRow> Rows(Table? table, List<FieldProblem> problems)
    {
        if (table is null) yield break;
        var columns = table.Header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var before = problems.Count;
        foreach (var (column, index) in columns.Select((c, i) => (c, i)).Where(c => c.c.Length > 0))
        {
            if (!Columns.Contains(column))
                problems.Add(new FieldProblem(table.Header[index], $"is not a column of a results sheet ({string.Join(", ", Columns)})", table.HeaderAt));
            else if (columns.IndexOf(column) != index)
                problems.Add(new FieldProblem(table.Header[index], "is a column twice", table.HeaderAt));
        }

        if (problems.Count > before) yield break;
        foreach (var (at, cells) in table.Rows)
        {
            var row = columns.Zip(cells)
                .Where(c => c.First.Length > 0 && !string.IsNullOrWhiteSpace(c.Second))
                .ToDictionary(c => c.First, c => c.Second.Trim());
            if (row.Count > 0) yield return new SheetRow(at, row);
        }
    }

    private static Table? Refuse(List<FieldProblem> problems, string file, string message)
    {
        problems.Add(new FieldProblem("file", message, file));
        return null;
    }

    private static Table? Text(string path, string file, Encoding? named, List<FieldProblem> problems)
    {
        var bytes = File.ReadAllBytes(path);
        var encoding = Detected(bytes) ?? named;
        if (encoding is null && !Utf8.IsValid(bytes))
        {
            Utf8.ToUtf16(bytes, new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
            var line = bytes.AsSpan(0, valid).Count((byte)'\n') + 1;
            return Refuse(problems, $"{file}:{line}",
                $"byte 0x{bytes[valid]:X2} is not UTF-8: save the file as UTF-8, or name its encoding (--encoding windows-1252)");
        }

        var text = (encoding ?? Encoding.UTF8).GetString(bytes).TrimStart('\uFEFF');
        // A .tsv is tab-separated; a .csv is what the spreadsheet that saved it chose (';' where ',' is the decimal comma).
        var tabs = Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase);
        using var csv = CsvReader.FromText(text, new CsvReaderOptions
        {
            Separator = tabs ? '\t' : null, HasHeader = false, SkipEmptyLines = true, TrackLineNumbers = true,
        });
        if (!csv.Read()) return Refuse(problems, file, "is empty: a results sheet starts with a header row");
        var header = Fields(csv);
        var headerAt = $"{file}:{csv.LineNumber}";
        var records = new List<(string, IReadOnlyList<string>)>();
        while (csv.Read()) records.Add(($"{file}:{csv.LineNumber}", Fields(csv)));
        return new Table(file, headerAt, header, records);
    }

    private static string[] Fields(CsvReader csv) => Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();

    /// <summary>A byte-order mark's encoding: UTF-8, or UTF-16 as Excel's "Unicode text" writes it.</summary>
    private static Encoding? Detected(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8,
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    private static Encoding EncodingNamed(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new Refused("encoding", $"'{name}' is not an encoding this machine knows (utf-8, utf-16, windows-1252, iso-8859-1, ...)");
        }
    }

    /// <summary>The first sheet of a workbook, its rows numbered as Excel numbers them.</summary>
    private static Table? Workbook(string path, string file, List<FieldProblem> problems)
    {
        string sheet;
        List<(string At, IReadOnlyList<string> Cells)> rows;
        try
        {
            sheet = MiniExcel.GetSheetNames(path).First();
            rows = MiniExcel.Query(path, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .Select((row, index) => (At: $"{file}:{sheet}!{index + 1}", Cells: (IReadOnlyList<string>)row.Values.Select(Cell).ToList()))
                .ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return Refuse(problems, file, $"is not an Excel workbook this can read (.xlsx): {e.Message}");
        }

        return rows.Count == 0
            ? new Table(file, $"{file}:{sheet}!1", [], [])
            : new Table(file, rows[0].At, rows[0].Cells, rows.Skip(1));
    }

    /// <summary>
    /// A cell as text. A mark typed into Excel is often taken for a time of day (2:08:50) and a date for a
    /// date: both are written back as the ledger writes them, not as Excel's serial numbers.
    /// </summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime { TimeOfDay.Ticks: 0 } day when day.Year > 1900 => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when time.Year <= 1900 => Clock(time.TimeOfDay),
        TimeSpan time => Clock(time),
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Clock(TimeSpan time)
    {
        var fraction = time.Milliseconds == 0 ? "" : $".{time.Milliseconds / 10:00}";
        return time.Hours > 0 ? $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}{fraction}" : $"{time.Minutes}:{time.Seconds:00}{fraction}";
    }
}
