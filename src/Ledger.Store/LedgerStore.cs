using JasperFx.Events;
using JasperFx.Events.Projections;
using Ledger.Domain;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Wolverine.Marten;

namespace Ledger.Store;

public static class LedgerStore
{
    public const string Schema = "ledger";

    /// <summary>
    /// Marten as the ledger needs it: athletes as string-keyed streams, events stored in the
    /// contract's own JSON, who and why recorded on every event, and the read models inline.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddLedgerStore(
        this IServiceCollection services, Func<string> connectionString) =>
        services.AddMarten(_ =>
        {
            var options = new StoreOptions();
            Configure(options, connectionString());
            return options;
        }).UseLightweightSessions().IntegrateWithWolverine();

    /// <summary>
    /// A toplist reads the marks of one discipline and sex in mark order, of a year, a country, both or
    /// neither: an index for each, so a list reads its first rows and stops; and one by athlete, for
    /// their personal bests. Duplicate() would index every column alone, which no list reads.
    /// </summary>
    private static void ToplistColumns(DocumentMapping mapping)
    {
        string Column(string member, string column, bool notNull = true) =>
            mapping.DuplicateField([typeof(ListedMark).GetProperty(member)!], columnName: column, notNull: notNull).ColumnName;
        var (discipline, sex, country, year, mark) = (Column(nameof(ListedMark.DisciplineCode), "discipline"), Column(nameof(ListedMark.Sex), "sex"),
            Column(nameof(ListedMark.Country), "country"), Column(nameof(ListedMark.Year), "year"), Column(nameof(ListedMark.Hundredths), "hundredths"));
        mapping.AddIndex(discipline, sex, mark);
        mapping.AddIndex(discipline, sex, year, mark);
        mapping.AddIndex(discipline, sex, country, mark);
        mapping.AddIndex(discipline, sex, country, year, mark);
        mapping.AddIndex(Column(nameof(ListedMark.Athlete), "athlete"));
        Column(nameof(ListedMark.FirstDay), "first_day");
        Column(nameof(ListedMark.LastDay), "last_day");
        Column(nameof(ListedMark.KnownFrom), "known_from");
        Column(nameof(ListedMark.KnownUntil), "known_until", notNull: false);
    }

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = Schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.SnakeCase, json => EventFormat.Configure(json));

        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Timestamps come from this process, not the database, so an import can keep each recorded_at.
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.AddEventTypes(EventFormat.EventTypes);
        // The career is not stored: it would repeat the whole stream in a document rewritten at every
        // append. Commands and the athlete's reads fold it from the athlete's one stream.
        options.Projections.Add(new CareerProjection(), ProjectionLifecycle.Live);
        options.Projections.Add(new AthleteSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new NationalRecordsProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ListedMarksProjection(), ProjectionLifecycle.Inline);
        // Lists filter by country and sex and search by name: columns of their own, indexed, not paths into the JSON.
        options.Schema.For<AthleteSummary>().Duplicate(x => x.Country).Duplicate(x => x.Sex).Duplicate(x => x.Name);
        options.Schema.For<NationalRecordProgression>().Index(x => x.Country);
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(ListedMark)) ToplistColumns(mapping);
        });
        options.Schema.For<Commands.ProcessedCommand>();
    }
}
