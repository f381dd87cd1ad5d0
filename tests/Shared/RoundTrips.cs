using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ledger.Tests;

/// <summary>
/// Counts the round trips to PostgreSQL this process makes while it is open: Npgsql starts one activity per command or batch it
/// sends and waits on (its activity source, the same one tracing reads), and names the statements of each. Given a database, only
/// the round trips to it count: tests of other classes run beside, each on a database of its own.
/// </summary>
public sealed class RoundTrips : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<string> _sent = [];
    private TimeSpan _waited;

    public RoundTrips(string? database = null)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (database is not null && (activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name")) as string != database) return;
                lock (_sent)
                {
                    _sent.Add(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
                    _waited += activity.Duration;
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>What each round trip sent, in order.</summary>
    public IReadOnlyList<string> Sent
    {
        get { lock (_sent) return [.. _sent]; }
    }

    /// <summary>The time from sending each round trip to having read its answer, summed: PostgreSQL's work and the wait for it.</summary>
    public TimeSpan Waited
    {
        get { lock (_sent) return _waited; }
    }

    /// <summary>The statements sent: a batch is one round trip whose query text holds its statements joined by semicolons.</summary>
    public int Statements => Sent.Sum(StatementsIn);

    /// <summary>The statements of one query text: what is between its semicolons, once quoted text (where a semicolon may be) is set aside.</summary>
    public static int StatementsIn(string sql) => Quoted.Replace(sql, "''").Split(';').Count(statement => !string.IsNullOrWhiteSpace(statement));

    private static readonly Regex Quoted = new(@"'(?:[^']|'')*'|""[^""]*""|\$\$.*?\$\$", RegexOptions.Singleline);

    public void Dispose() => _listener.Dispose();
}
