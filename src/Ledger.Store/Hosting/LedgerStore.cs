using JasperFx.Events.Projections;
using JasperFx.Events;
using Ledger.Store.Athletes;
using Ledger.Store.Careers;
using Ledger.Store.Commanding;
using Ledger.Store.Keys;
using Ledger.Store.Reading;
using Ledger.Store.Records;
using Ledger.Store.Toplists;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Weasel.Core;
using Wolverine.Marten;

namespace Ledger.Store.Hosting;

public static class LedgerStore
{
    public const string Schema = "ledger";

    /// <summary>The qualified name of the table a document type is stored in, for the SQL Marten's LINQ does not write.</summary>
    public static string TableOf<T>(this IDocumentStore store) => store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;

    /// <summary>
    /// Marten as the ledger needs it: athletes as string-keyed streams, events stored in the
    /// contract's own JSON, who and why recorded on every event, and the read models inline. A host
    /// that can tell which reads must see the latest writes (<see cref="ReadsFromPrimary"/>: the HTTP API's)
    /// sends the others to a standby where the connection names one.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddLedgerStore(this IServiceCollection services,
        Func<string> connectionString)
    {
        var marten = services.AddMarten(provider =>
        {
            var options = new StoreOptions();
            Configure(options, connectionString(), readsPreferStandby: provider.GetService<ReadsFromPrimary>() is not null);
            return options;
        }).UseLightweightSessions().IntegrateWithWolverine();
        services.AddHostedService<SchemaOnStartup>();
        return marten;
    }

    /// <summary>
    /// A host brings the tables up to its code as it starts (<see cref="LedgerSchema"/>), on the
    /// primary, before any read (perhaps from a standby, which takes no schema change) can need them.
    /// A database that does not answer yet is left to Marten's own check at the first write: the
    /// server starts anyway, and answers 503 until it does.
    /// </summary>
    private sealed class SchemaOnStartup(IServiceProvider services, ILogger<SchemaOnStartup> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellation)
        {
            try
            {
                await services.EnsureCurrentAsync(cancellation);
            }
            catch (Exception e) when (DatabaseFaults.Unreachable(e))
            {
                log.LogWarning("The ledger's tables were not checked at start: the primary did not answer ({Reason})", e.Message);
            }
        }

        public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
    }

    /// <param name="readsPreferStandby">
    /// Where the connection string names several servers (Npgsql's multi-host <c>Host=a:5432,b:5432</c>),
    /// query sessions go to a hot standby when one answers, and to the primary when none does; writes,
    /// document sessions and migrations always go to the primary. Off, every session goes to the primary.
    /// </param>
    public static void Configure(StoreOptions options, string connectionString, bool readsPreferStandby = false)
    {
        options.Connection(WithHostRecheck(connectionString));
        options.Advanced.MultiHostSettings.WriteSessionPreference = TargetSessionAttributes.Primary;
        options.Advanced.MultiHostSettings.ReadSessionPreference = readsPreferStandby ? TargetSessionAttributes.PreferStandby : TargetSessionAttributes.Primary;
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
        options.Projections.Add(new RecordProgressionsProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ListedMarksSource(), ProjectionLifecycle.Inline);
        // Lists filter by country and sex and search by name: columns of their own, indexed, not paths into the JSON.
        AthleteSummaryRows.Map(options.Schema.For<AthleteSummary>());
        options.Schema.For<RecordProgression>().Index(x => x.Scope);
        options.Storage.ExtendedSchemaObjects.Add(ListedMarkRows.Table());
        // Counted for OpenTelemetry (events appended; connections as activities): nothing is paid without a listener.
        options.OpenTelemetry.TrackEventCounters();
        options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
        options.Schema.For<ProcessedCommand>();
        options.Schema.For<WriteKey>().Duplicate(x => x.Name, configure: index => index.IsUnique = true);
    }

    /// <summary>
    /// Npgsql remembers which of several hosts is the primary for Host Recheck Seconds, 10 unless
    /// the connection says otherwise: after a failover it would take the promoted standby for a standby,
    /// and answer writes 503, for up to 10 s more. Rechecked every 2 s, it costs a query on a new
    /// connection now and then.
    /// </summary>
    private static string WithHostRecheck(string connectionString)
    {
        var given = new NpgsqlConnectionStringBuilder(connectionString);
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "").Equals("HostRecheckSeconds", StringComparison.OrdinalIgnoreCase));
        if (named || given.Host?.Contains(',') != true) return connectionString;
        given.HostRecheckSeconds = 2;
        return given.ConnectionString;
    }
}
