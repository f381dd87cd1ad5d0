using System.Text;
using MiniExcelLibs;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>Results sheets as statisticians' spreadsheets save them: separators, encodings, Excel's own cells.</summary>
public sealed class ResultSheetTests : IDisposable
{
    private readonly TempFolder _folder = new("ledger-sheet-tests-");

    public void Dispose() => _folder.Dispose();

    private string Saved(string name, string text, Encoding encoding)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text, encoding);
        return path;
    }

    [Theory]
    [InlineData("season.tsv", "Athlete\tDate\tMark\nbat-ochir-ser-od\t2024-05-01\t2:20:00\n", "utf-8")]
    [InlineData("season.csv", "athlete;date;mark\nbat-ochir-ser-od;2024-05-01;2:20:00\n", "utf-8")]
    [InlineData("season.csv", "sep=;\nathlete;date;mark\nbat-ochir-ser-od;2024-05-01;2:20:00\n", "utf-8")]
    [InlineData("season.txt", "athlete\tdate\tmark\r\nbat-ochir-ser-od\t2024-05-01\t2:20:00\r\n", "utf-16")]
    public void A_sheet_is_read_whatever_its_separator_and_unicode_encoding(string name, string text, string encoding)
    {
        var rows = ResultSheets.Read([Saved(name, text, Encoding.GetEncoding(encoding))]);

        var row = rows.ShouldHaveSingleItem();
        row.Cells.ShouldBe(new Dictionary<string, string> { ["athlete"] = Lines.Athlete, ["date"] = "2024-05-01", ["mark"] = "2:20:00" });
    }

    [Fact]
    public void A_workbooks_times_and_dates_read_as_the_ledger_writes_them()
    {
        var path = _folder.File("season.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object> { ["date"] = new DateTime(2024, 5, 1), ["mark"] = new TimeSpan(2, 8, 50), ["place"] = 3 },
        });

        var row = ResultSheets.Read([path]).ShouldHaveSingleItem();

        (row.At, row.Cells["date"], row.Cells["mark"], row.Cells["place"]).ShouldBe(($"{path}:Sheet1!2", "2024-05-01", "2:08:50", "3"));
    }

    [Fact]
    public void A_file_of_another_kind_or_none_is_refused_by_name()
    {
        var refused = Should.Throw<Refused>(() => ResultSheets.Read([Saved("season.ods", "x", Encoding.UTF8), _folder.File("gone.csv")]));

        refused.Reasons.Count.ShouldBe(2);
        refused.Reasons[0].ShouldContain("'.ods' is not a spreadsheet this reads");
        refused.Reasons[1].ShouldContain("gone.csv: field 'file': no such file");
    }
}
