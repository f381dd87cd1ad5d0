using System.Text;
using BenchmarkDotNet.Attributes;

namespace Ledger.Benchmarks;

/// <summary>
/// The per-event work an import, a rebuild and a command repeat millions of times, with no database:
/// <c>dotnet run -c Release --project tests/Ledger.Benchmarks -- micro</c>.
/// </summary>
// In process: a generated project would inherit the test projects' settings (tests/Directory.Build.props).
[MemoryDiagnoser, InProcess]
public class PerEvent
{
    private readonly byte[] _line = Encoding.UTF8.GetBytes(
        """{"type":"result_recorded","athlete":"athlete-000042","result_id":"r7","date":"2004-08-29","competition":"Race 318",""" +
        """
        "discipline":"marathon","status":"finished","mark":"2:33:24","place":75,"championship":"olympic_games"}
        """);

    private EventEnvelope _envelope = null!;
    private byte[] _json = null!;
    private List<object> _career = null!;
    private Career _folded = null!;
    private ResultRecorded _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _envelope = EventFormat.Parse(_line, out _)!;
        _json = EventFormat.DataJson(_envelope);
        _career = Corpus.Generate(50, seed: 42).Select(e => e.Data).ToList();
        _folded = Fold();
        // A result the career does not hold yet, as nearly every line of an import is.
        _result = (ResultRecorded)_envelope.Data with { ResultId = "r-new" };
        if (Rules.Check(_folded, _result) is [var problem, ..]) throw new InvalidOperationException($"the result is refused: {problem}");
    }

    [Benchmark]
    public Mark ParseMark() => Mark.Parse("2:08:50");

    [Benchmark]
    public PartialDate ParseDate() => PartialDate.Parse("2014-12-07");

    [Benchmark(Description = "read a line")]
    public EventEnvelope? ReadLine() => EventFormat.Parse(_line, out _);

    [Benchmark(Description = "fields as stored")]
    public byte[] DataJson() => EventFormat.DataJson(_envelope);

    [Benchmark(Description = "identity of a line")]
    public Guid Identity() => EventFormat.IdentityOf(_envelope, _json);

    [Benchmark(Description = "fold a 50-event career")]
    public Career Fold()
    {
        var career = new Career { Id = "athlete-000000" };
        foreach (var e in _career) career.Fold(e);
        return career;
    }

    [Benchmark(Description = "check a result against a 50-event career")]
    public int Check() => Rules.Check(_folded, _result).Count;

    [Benchmark(Description = "personal bests of a career")]
    public int PersonalBests() => Fold().PersonalBests().Count;
}
