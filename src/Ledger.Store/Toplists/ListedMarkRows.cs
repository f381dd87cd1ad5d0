using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Ledger.Store.Hosting;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Ledger.Store.Toplists;

/// <summary>
/// The table of the toplists' marks, defined once: its columns, how a mark is written to them and read back, and the indexes
/// the lists read. A plain table, not a document: every read is by its columns, so a JSON copy of them would double what
/// each event writes (there is about one mark per event). Written many at a time, by the projection in one statement per batch
/// (commands) and by COPY (an import, a rebuild).
/// </summary>
public static class ListedMarkRows
{
    public static readonly PostgresqlObjectName Name = new(LedgerStore.Schema, "listed_marks", SchemaUtils.IdentifierUsage.General);

    private abstract record Column(string Name, string Type, NpgsqlDbType DbType, bool Nullable)
    {
        public abstract object Array(IReadOnlyCollection<ListedMark> marks);

        public abstract Task WriteAsync(NpgsqlBinaryImporter copy, ListedMark mark, CancellationToken cancellation);

        /// <summary>Whether a read row gives the mark this column's value: not a key that follows from the others.</summary>
        public abstract bool IsRead { get; }

        public abstract void Read(DbDataReader reader, int ordinal, ListedMark mark);
    }

    /// <param name="Set">How a read row gives the mark this column's value; none for a column that follows from others (a key).</param>
    private sealed record Column<T>(string Name, string Type, NpgsqlDbType DbType, Func<ListedMark, T> Value, Action<ListedMark, T>? Set,
        bool Nullable = false) : Column(Name, Type, DbType, Nullable)
    {
        public override object Array(IReadOnlyCollection<ListedMark> marks) => marks.Select(Value).ToArray();

        public override Task WriteAsync(NpgsqlBinaryImporter copy, ListedMark mark, CancellationToken cancellation) =>
            Value(mark) is { } value ? copy.WriteAsync(value, DbType, cancellation) : copy.WriteNullAsync(cancellation);

        public override bool IsRead => Set is not null;

        public override void Read(DbDataReader reader, int ordinal, ListedMark mark)
        {
            if (!reader.IsDBNull(ordinal)) Set!(mark, reader.GetFieldValue<T>(ordinal));
        }
    }

    private static Column<string> Text(string name, Func<ListedMark, string?> value, Action<ListedMark, string> set, bool nullable = false) =>
        new(name, "text", NpgsqlDbType.Text, value!, set, nullable);

    private static readonly Column[] Columns =
    [
        new Column<Guid>("id", "uuid", NpgsqlDbType.Uuid, m => m.Id, (m, v) => m.Id = v),
        Text("discipline", m => m.Discipline.Code, (m, v) => m.Discipline = Discipline.Parse(v)),
        Text("sex", m => m.Sex.ToString(), (m, v) => m.Sex = Enum.Parse<Sex>(v)),
        new Column<bool>("indoor", "boolean", NpgsqlDbType.Boolean, m => m.Indoor, (m, v) => m.Indoor = v),
        Text("country", m => m.Country, (m, v) => m.Country = v),
        new Column<int>("year", "integer", NpgsqlDbType.Integer, m => m.Year, null),
        new Column<long>("hundredths", "bigint", NpgsqlDbType.Bigint, m => m.Hundredths, null),
        Text("mark", m => m.Mark.ToString(), (m, v) => m.Mark = Mark.Parse(v)),
        Text("athlete", m => m.Athlete, (m, v) => m.Athlete = v),
        Text("name", m => m.Name, (m, v) => m.Name = v),
        Text("date", m => m.Date.ToString(), (m, v) => m.Date = PartialDate.Parse(v)),
        new Column<DateOnly>("first_day", "date", NpgsqlDbType.Date, m => m.FirstDay, null),
        new Column<DateOnly>("last_day", "date", NpgsqlDbType.Date, m => m.LastDay, null),
        Text("competition", m => m.Competition, (m, v) => m.Competition = v, nullable: true),
        Text("venue", m => m.Venue, (m, v) => m.Venue = v, nullable: true),
        Text("result_id", m => m.ResultId, (m, v) => m.ResultId = v, nullable: true),
        new Column<decimal?>("wind", "numeric(3,1)", NpgsqlDbType.Numeric, m => m.Wind?.MetresPerSecond,
            (m, v) => m.Wind = Wind.Parse(v!.Value.ToString(CultureInfo.InvariantCulture)), Nullable: true),
        new Column<bool>("assisted", "boolean", NpgsqlDbType.Boolean, m => m.Assisted, null),
        new Column<bool>("eligible", "boolean", NpgsqlDbType.Boolean, m => m.Eligible, (m, v) => m.Eligible = v),
        Text("championship", m => m.ChampionshipCode, (m, v) => m.Championship = Championship.Parse(v), nullable: true),
        new Column<bool>("women_only", "boolean", NpgsqlDbType.Boolean, m => m.WomenOnly, (m, v) => m.WomenOnly = v),
        new Column<DateTimeOffset>("known_from", "timestamptz", NpgsqlDbType.TimestampTz, m => m.KnownFrom, (m, v) => m.KnownFrom = v),
        new Column<DateTimeOffset?>("known_until", "timestamptz", NpgsqlDbType.TimestampTz, m => m.KnownUntil, (m, v) => m.KnownUntil = v,
            Nullable: true),
    ];

    private static readonly string ColumnNames = string.Join(", ", Columns.Select(c => c.Name));

    private static readonly Column[] ReadColumns = Columns.Where(c => c.IsRead).ToArray();

    /// <summary>The columns a query selects to read marks back (<see cref="ReadAsync"/>): all but the keys that follow from them.</summary>
    public static readonly string ReadColumnNames = string.Join(", ", ReadColumns.Select(c => c.Name));

    /// <summary>
    /// A list's key: one number for its discipline, sex and indoors, a hash of the three, of which PostgreSQL makes the table's
    /// <c>list</c> column from each row's own. The lists' indexes lead with it, not with the three: sorting a text and a flag for
    /// every row is what made them slow to build (four indexes of a million marks, 10 s so, 4.5 s by the key).
    /// </summary>
    private static string ListKey(string discipline, string sex, string indoor) =>
        $"hashtextextended({discipline} || '/' || {sex} || '/' || {indoor}::text, 0)";

    /// <summary>
    /// The marks of one list, as a condition of a where clause, each value as the parameter <paramref name="value"/> names for
    /// it (asked once for each place it stands, for '?' placeholders): by its key, for the indexes, and by its discipline, sex and
    /// indoors themselves, since two lists may share a key.
    /// </summary>
    public static string InList(Func<object, string> value, Discipline discipline, Sex sex, bool indoor)
    {
        var key = ListKey($"{value(discipline.Code)}::text", $"{value(sex.ToString())}::text", $"{value(indoor)}::boolean");
        return $"list = {key} and discipline = {value(discipline.Code)} and sex = {value(sex.ToString())} and indoor = {value(indoor)}";
    }

    /// <summary>
    /// The marks of one list (<see cref="InList(Func{object, string}, Discipline, Sex, bool)"/>) with '?' placeholders, their values
    /// added to <paramref name="values"/>.
    /// </summary>
    public static string InList(List<object> values, Discipline discipline, Sex sex, bool indoor) =>
        InList(value =>
        {
            values.Add(value);
            return "?";
        }, discipline, sex, indoor);

    /// <summary>
    /// The table, for the store to make and keep up to date. Its indexes are those the reads use, each in mark order (forwards or
    /// backwards as the discipline's better marks are lower or higher) within a list (<see cref="ListKey"/>), so a list reads its
    /// first rows and stops: the world's lists (list, mark), which a record list's best known mark reads too; a country's (list,
    /// country, mark); a year's (list, year, mark), which a country's list of a year reads too, or the country's, as the planner
    /// finds fewer rows to pass over; and the personal bests of a list's athletes (list, athlete, mark).
    /// </summary>
    public static Table Table()
    {
        var table = new Table(Name);
        foreach (var column in Columns)
        {
            var added = table.AddColumn(column.Name, column.Type);
            if (column.Name == "id") added.AsPrimaryKey();
            else if (!column.Nullable) added.NotNull();
        }

        table.AddColumn("list", "bigint").GeneratedAs(ListKey("discipline", "sex", "indoor"));

        // A list's athletes' bests are read in their list: with an index of the athlete alone PostgreSQL intersected it with
        // the whole list's, 170 ms at 10 million events, where this one takes 2 ms.
        string[][] indexes = [["hundredths"], ["country", "hundredths"], ["year", "hundredths"], ["athlete", "hundredths"]];
        foreach (var (by, columns) in new[] { "list", "country", "year", "athlete" }.Zip(indexes))
            table.Indexes.Add(new IndexDefinition($"listed_marks_by_{by}") { Columns = ["list", .. columns] });
        return table;
    }

    /// <summary>
    /// What the planner is told of the list key, made with the table: that it decides the discipline, sex and indoors. Else it
    /// takes a list's condition on the three for a further filter of the key's rows, finds a list ten times smaller than it is,
    /// and reads a year's list by bitmap and sort (2,300 rows for 200 at a million events) instead of in mark order.
    /// </summary>
    public static string Statistics =>
        $"create statistics if not exists {Name.Schema}.listed_marks_list (dependencies) on list, discipline, sex, indoor from {Name}";

    /// <summary>Queues the insert of new marks in one statement, its columns as arrays (placeholders '?', Marten's).</summary>
    public static void Insert(IDocumentOperations operations, IReadOnlyCollection<ListedMark> marks)
    {
        if (marks.Count == 0) return;
        operations.QueueSqlCommand(
            $"insert into {Name} ({ColumnNames}) select * from unnest({string.Join(", ", Columns.Select(c => $"?::{c.Type}[]"))})",
            Columns.Select(c => c.Array(marks)).ToArray());
    }

    /// <summary>Queues the closing of stored marks in one statement: a correction or an annulment ended the span the ledger held them.</summary>
    public static void Close(IDocumentOperations operations, IReadOnlyCollection<ListedMark> marks)
    {
        if (marks.Count == 0) return;
        operations.QueueSqlCommand(
            $"update {Name} t set known_until = u.known_until from unnest(?::uuid[], ?::timestamptz[]) u(id, known_until) where t.id = u.id",
            marks.Select(m => m.Id).ToArray(), marks.Select(m => m.KnownUntil).ToArray());
    }

    /// <summary>
    /// Writes new marks through a COPY. Into an empty table, many marks are written faster with its indexes built after them,
    /// each sorted once, than kept up row by row (measured: 900,000 rows in 18 s instead of 28 s), as an import or a rebuild
    /// asks. They are dropped and made again in the connection's transaction, so a failed write leaves them. Into a table emptied
    /// in this transaction (a rebuild), the rows are written <paramref name="frozen"/> (<see cref="Copying.Options"/>).
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IAsyncEnumerable<ListedMark> marks, bool indexesAfter, bool frozen,
        CancellationToken cancellation)
    {
        var indexes = indexesAfter ? await IndexesOfEmptyTableAsync(connection, cancellation) : [];
        foreach (var (name, _) in indexes) await connection.ExecuteAsync($"drop index {Name.Schema}.{name}", cancellation);

        await using (var copy = await connection.BeginBinaryImportAsync($"copy {Name} ({ColumnNames}) from stdin {Copying.Options(frozen)}", cancellation))
        {
            await foreach (var mark in marks.WithCancellation(cancellation))
            {
                await copy.StartRowAsync(cancellation);
                foreach (var column in Columns) await column.WriteAsync(copy, mark, cancellation);
            }

            await copy.CompleteAsync(cancellation);
        }

        foreach (var (_, definition) in indexes) await connection.ExecuteAsync(definition, cancellation);
    }

    /// <summary>The table's indexes but its primary key, with their definitions, if the table is empty; none if not.</summary>
    private static async Task<List<(string Name, string Definition)>> IndexesOfEmptyTableAsync(NpgsqlConnection connection,
        CancellationToken cancellation)
    {
        var indexes = new List<(string, string)>();
        await using var query = new NpgsqlCommand($"""
            select i.relname, pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid = x.indexrelid
            where x.indrelid = '{Name}'::regclass and not x.indisprimary and not exists (select from {Name})
            """, connection);
        await using var reader = await query.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    /// <summary>
    /// The marks a query of this table answers, read in the query session (a standby's, where reads go there). The query selects
    /// <see cref="ReadColumnNames"/> and takes its values in the order of its placeholders ('?', as Marten's).
    /// </summary>
    public static async Task<List<ListedMark>> ReadAsync(IQuerySession session, string sql, IReadOnlyList<object> values, CancellationToken cancellation)
    {
        var command = new NpgsqlCommand(Numbered(sql));
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var marks = new List<ListedMark>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var mark = new ListedMark();
            for (var i = 0; i < ReadColumns.Length; i++) ReadColumns[i].Read(reader, i, mark);
            marks.Add(mark);
        }

        return marks;
    }

    /// <summary>Marten's '?' placeholders as PostgreSQL's own ($1, $2, ...), which a plain Npgsql command takes.</summary>
    private static string Numbered(string sql)
    {
        var n = 0;
        return Regex.Replace(sql, @"\?", _ => $"${++n}");
    }
}
