using Ledger.Store.Hosting;
using Marten.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Store.Toplists;

/// <summary>
/// The table of the toplists' marks: each mark's JSON, and the columns its lists filter and order
/// by, duplicated from it. There is about one mark per event, so they are written many at a time:
/// by COPY in an import, and in one statement per batch by the projection, which Marten's insert of
/// one document at a time made the slowest part of a rebuild (4,700 marks/s, against about 30,000
/// for the same rows in one statement).
/// </summary>
public static class ListedMarkRows
{
    /// <param name="Nullable">
    /// Null where the column says so (a mark still known), or where the column came after the first
    /// ledgers, so their tables take it; <c>ledger projections rebuild</c> fills it.
    /// </param>
    private abstract record Column(string Member, string Name, string Type, NpgsqlDbType DbType, bool Nullable)
    {
        public abstract object Array(IReadOnlyList<ListedMark> marks);

        public abstract Task WriteAsync(NpgsqlBinaryImporter copy, ListedMark mark, CancellationToken cancellation);
    }

    private sealed record Column<T>(string Member, string Name, string Type, NpgsqlDbType DbType, Func<ListedMark, T> Value, bool Nullable = false)
        : Column(Member, Name, Type, DbType, Nullable)
    {
        public override object Array(IReadOnlyList<ListedMark> marks) => marks.Select(Value).ToArray();

        public override Task WriteAsync(NpgsqlBinaryImporter copy, ListedMark mark, CancellationToken cancellation) =>
            Value(mark) is { } value ? copy.WriteAsync(value, DbType, cancellation) : copy.WriteNullAsync(cancellation);
    }

    private static readonly Column[] Columns =
    [
        new Column<string>(nameof(ListedMark.DisciplineCode), "discipline", "varchar", NpgsqlDbType.Varchar, m => m.DisciplineCode),
        new Column<string>(nameof(ListedMark.Sex), "sex", "varchar", NpgsqlDbType.Varchar, m => m.Sex.ToString()),
        new Column<string>(nameof(ListedMark.Country), "country", "varchar", NpgsqlDbType.Varchar, m => m.Country),
        new Column<int>(nameof(ListedMark.Year), "year", "integer", NpgsqlDbType.Integer, m => m.Year),
        new Column<bool>(nameof(ListedMark.Indoor), "indoor", "boolean", NpgsqlDbType.Boolean, m => m.Indoor, Nullable: true),
        new Column<bool>(nameof(ListedMark.Assisted), "assisted", "boolean", NpgsqlDbType.Boolean, m => m.Assisted, Nullable: true),
        new Column<long>(nameof(ListedMark.Hundredths), "hundredths", "bigint", NpgsqlDbType.Bigint, m => m.Hundredths),
        new Column<string>(nameof(ListedMark.Athlete), "athlete", "varchar", NpgsqlDbType.Varchar, m => m.Athlete),
        new Column<DateOnly>(nameof(ListedMark.FirstDay), "first_day", "date", NpgsqlDbType.Date, m => m.FirstDay),
        new Column<DateOnly>(nameof(ListedMark.LastDay), "last_day", "date", NpgsqlDbType.Date, m => m.LastDay),
        new Column<DateTimeOffset>(nameof(ListedMark.KnownFrom), "known_from", "timestamptz", NpgsqlDbType.TimestampTz, m => m.KnownFrom),
        new Column<DateTimeOffset?>(nameof(ListedMark.KnownUntil), "known_until", "timestamptz", NpgsqlDbType.TimestampTz, m => m.KnownUntil, Nullable: true),
        new Column<bool>(nameof(ListedMark.Eligible), "eligible", "boolean", NpgsqlDbType.Boolean, m => m.Eligible, Nullable: true),
        new Column<string?>(nameof(ListedMark.ChampionshipCode), "championship", "varchar", NpgsqlDbType.Varchar, m => m.ChampionshipCode, Nullable: true),
        new Column<bool>(nameof(ListedMark.WomenOnly), "women_only", "boolean", NpgsqlDbType.Boolean, m => m.WomenOnly, Nullable: true),
    ];

    private static readonly string ColumnNames = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>
    /// The columns, in the document's mapping, and their indexes: a toplist of the world reads the
    /// first rows of (discipline, sex, indoor, mark), forwards or backwards as the discipline's better
    /// marks are lower or higher; one of a country, of a year or not, those of (discipline, sex,
    /// indoor, country, year, mark); the personal bests of its athletes, (athlete).
    /// Duplicate() would index every column alone, which no list reads.
    /// </summary>
    public static void Map(DocumentMapping mapping)
    {
        foreach (var column in Columns)
            mapping.DuplicateField([typeof(ListedMark).GetProperty(column.Member)!], column.Type, column.Name, notNull: !column.Nullable);
        mapping.AddIndex("discipline", "sex", "indoor", "hundredths");
        mapping.AddIndex("discipline", "sex", "indoor", "country", "year", "hundredths");
        mapping.AddIndex("athlete");
    }

    /// <summary>Queues the insert of new marks in one statement, its columns as arrays (placeholders '?', Marten's).</summary>
    public static void Insert(IDocumentOperations operations, IReadOnlyList<ListedMark> marks)
    {
        if (marks.Count == 0) return;
        var arrays = Columns.Select(c => $"?::{c.Type}[]");
        var serializer = operations.DocumentStore.Options.Serializer();
        operations.QueueSqlCommand(
            $"insert into {operations.DocumentStore.TableOf<ListedMark>()} (id, data, {ColumnNames}, mt_dotnet_type) " +
            $"select u.*, '{typeof(ListedMark).FullName}' from unnest(?::uuid[], ?::jsonb[], {string.Join(", ", arrays)}) u",
            [marks.Select(m => m.Id).ToArray(), marks.Select(serializer.ToJson).ToArray(), .. Columns.Select(c => c.Array(marks))]);
    }

    /// <summary>Writes the marks through a COPY, the document and its columns.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IDocumentStore store, IEnumerable<ListedMark> marks, CancellationToken cancellation)
    {
        var serializer = store.Options.Serializer();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"copy {store.TableOf<ListedMark>()} (id, data, mt_dotnet_type, {ColumnNames}) from stdin (format binary)", cancellation);
        foreach (var mark in marks)
        {
            await copy.StartRowAsync(cancellation);
            await copy.WriteAsync(mark.Id, NpgsqlDbType.Uuid, cancellation);
            await copy.WriteAsync(serializer.ToJson(mark), NpgsqlDbType.Jsonb, cancellation);
            await copy.WriteAsync(typeof(ListedMark).FullName!, NpgsqlDbType.Varchar, cancellation);
            foreach (var column in Columns) await column.WriteAsync(copy, mark, cancellation);
        }

        await copy.CompleteAsync(cancellation);
    }
}
