using System.Linq.Expressions;
using Ledger.Store.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Store.Athletes;

/// <summary>
/// The summaries' table, defined once for the two that write it: Marten's document storage, which the projection writes
/// through (commands), and the COPY of an import and a rebuild. A row is the summary's document and the fields lists filter and search
/// by (country, sex, name), kept in columns of their own (Marten's duplicated fields) and indexed.
/// </summary>
public static class AthleteSummaryRows
{
    private static readonly Expression<Func<AthleteSummary, object?>>[] Columns = [s => s.Country, s => s.Sex, s => s.Name];

    // Marten names a duplicated field's column after its member, and keeps an enum as its name (EnumStorage.AsString).
    private static readonly (string Name, Func<AthleteSummary, object?> Value)[] Compiled =
        Columns.Select(c => (Member(c).ToLowerInvariant(), c.Compile())).ToArray();

    public static void Map(MartenRegistry.DocumentMappingExpression<AthleteSummary> mapping)
    {
        foreach (var column in Columns) mapping.Duplicate(column, partOfPrimaryKey: false);
    }

    /// <summary>Writes the summaries through a COPY, each with the version of the stream it was drawn from.</summary>
    /// <param name="frozen">Whether the table was emptied in this transaction, so the rows may be written frozen (<see cref="Copying.Options"/>).</param>
    public static async Task CopyAsync(NpgsqlConnection connection, IDocumentStore store,
        IAsyncEnumerable<(AthleteSummary Summary, long Version)> summaries, bool frozen, CancellationToken cancellation)
    {
        var serializer = store.Options.Serializer();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"copy {store.TableOf<AthleteSummary>()} (id, data, mt_dotnet_type, mt_version, {string.Join(", ", Compiled.Select(c => c.Name))}) " +
            $"from stdin {Copying.Options(frozen)}", cancellation);
        await foreach (var (summary, version) in summaries.WithCancellation(cancellation))
        {
            await copy.StartRowAsync(cancellation);
            await copy.WriteAsync(summary.Id, NpgsqlDbType.Varchar, cancellation);
            await copy.WriteAsync(serializer.ToJson(summary), NpgsqlDbType.Jsonb, cancellation);
            await copy.WriteAsync(typeof(AthleteSummary).FullName!, NpgsqlDbType.Varchar, cancellation);
            await copy.WriteAsync(version, NpgsqlDbType.Bigint, cancellation);
            foreach (var (_, value) in Compiled) await copy.WriteAsync(value(summary)!.ToString()!, NpgsqlDbType.Varchar, cancellation);
        }

        await copy.CompleteAsync(cancellation);
    }

    private static string Member(Expression<Func<AthleteSummary, object?>> column) =>
        ((MemberExpression)(column.Body is UnaryExpression convert ? convert.Operand : column.Body)).Member.Name;
}
