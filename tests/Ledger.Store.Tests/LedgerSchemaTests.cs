using Marten;
using Npgsql;
using Shouldly;

namespace Ledger.Store.Tests;

/// <summary>
/// The tables are brought up to the code once per version of it (LedgerSchema), and then trusted:
/// a process of the same code checks nothing more, a process of other code checks them all.
/// </summary>
public sealed class LedgerSchemaTests : IAsyncLifetime
{
    private string _connection = "";

    public async ValueTask InitializeAsync()
    {
        _connection = await PostgresServer.Instance.CreateDatabaseAsync();
        using var first = Store();
        await first.EnsureCurrentAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DocumentStore Store() => DocumentStore.For(options => LedgerStore.Configure(options, _connection));

    private async Task<object?> Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        return await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();
    }

    private static async Task<int> Summaries(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Query<AthleteSummary>().CountAsync();
    }

    [Fact]
    public async Task A_new_database_gets_every_table_and_a_record_of_the_code_that_made_them()
    {
        using var store = Store();
        (await LedgerSchema.AppliedAsync(store)).ShouldBe(LedgerSchema.Fingerprint);
        await store.EnsureCurrentAsync();
        (await Summaries(store)).ShouldBe(0);
        (await Sql($"select count(*)::int from {ListedMarkRows.Name}")).ShouldBe(0);
    }

    [Fact]
    public async Task A_ledger_made_by_other_code_has_its_tables_brought_up_to_this_code()
    {
        await Sql($"comment on schema {LedgerStore.Schema} is 'an older ledger'");
        await Sql($"drop table {LedgerStore.Schema}.mt_doc_athletesummary");
        await Sql($"drop table {ListedMarkRows.Name}");

        using var store = Store();
        await store.EnsureCurrentAsync();

        (await Summaries(store)).ShouldBe(0);
        (await Sql($"select count(*)::int from {ListedMarkRows.Name}")).ShouldBe(0);
        (await LedgerSchema.AppliedAsync(store)).ShouldBe(LedgerSchema.Fingerprint);
    }

    [Fact]
    public async Task A_ledger_whose_marks_were_listed_before_their_list_key_has_them_in_its_lists()
    {
        // The marks' table as a ledger of 2026-12-05 left it: no list key (its indexes went with it), one mark listed.
        await Sql($"alter table {ListedMarkRows.Name} drop column list");
        await Sql($"""
            insert into {ListedMarkRows.Name} (id, discipline, sex, indoor, country, year, hundredths, mark, athlete, name, date, first_day,
              last_day, assisted, eligible, women_only, known_from)
            values (gen_random_uuid(), 'marathon', 'Men', false, 'MGL', 2000, 773000, '2:08:50', 'bat-ochir-ser-od', 'Bat-Ochir Ser-Od',
              '2000-12-03', '2000-12-03', '2000-12-03', false, true, false, now())
            """);
        await Sql($"comment on schema {LedgerStore.Schema} is 'an older ledger'");

        using var store = Store();
        await store.EnsureCurrentAsync();

        var list = await new ToplistQueries(store).ToplistAsync(new ToplistFilter(Discipline.Parse("marathon"), Sex.Men));
        list.Entries.Single().Mark.ShouldBe(Mark.Parse("2:08:50"));
        (await Sql($"select count(*)::int from pg_indexes where tablename = '{ListedMarkRows.Name.Name}' and indexdef like '%(list%'")).ShouldBe(4);
        (await Sql("select count(*)::int from pg_statistic_ext where stxname = 'listed_marks_list'")).ShouldBe(1);
        (await store.Storage.Database.CreateMigrationAsync()).Difference.ShouldBe(Weasel.Core.SchemaPatchDifference.None);
    }

    [Fact]
    public async Task A_ledger_this_code_made_is_trusted_and_not_checked_again()
    {
        await Sql($"drop table {LedgerStore.Schema}.mt_doc_athletesummary");

        using var store = Store();
        await store.EnsureCurrentAsync();

        // Marten's own check would have made the table again at its first use.
        (await Should.ThrowAsync<Exception>(() => Summaries(store))).ToString().ShouldContain("mt_doc_athletesummary");
    }

    [Fact]
    public async Task A_store_found_current_is_not_checked_again_in_the_same_process()
    {
        using var store = Store();
        await store.EnsureCurrentAsync();
        await Sql($"comment on schema {LedgerStore.Schema} is null");

        await store.EnsureCurrentAsync();

        (await LedgerSchema.AppliedAsync(store)).ShouldBe("");
    }

    [Fact]
    public async Task A_hosts_tables_include_its_bus_and_need_no_check_at_start()
    {
        var connection = await PostgresServer.Instance.CreateDatabaseAsync();
        using var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder().UseLedger(() => connection).Build();

        await host.Services.EnsureCurrentAsync();

        _connection = connection;
        (await Sql($"select to_regclass('{LedgerStore.Schema}.wolverine_incoming_envelopes') is not null")).ShouldBe(true);
    }
}
