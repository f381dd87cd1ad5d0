using Ledger.Store.Athletes;
using Ledger.Store.Audit;
using Ledger.Store.Careers;
using Ledger.Store.Reading;
using Ledger.Store.Records;
using Ledger.Store.Toplists;
using System.Text.Json.Nodes;
using System.Text.Json;
using JasperFx.CommandLine;
using Ledger.Domain;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ledger.Cli.Verbs;

public class AthleteInput : LedgerInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")]
    public string Athlete { get; set; } = "";

    [FlagAlias("as-of")]
    [Description("Only what had happened by this date (YYYY-MM-DD; a partial date counts from its last day)")]
    public string? AsOfFlag { get; set; }

    [FlagAlias("known-at")]
    [Description("Only what the ledger had been told by this instant (ISO 8601)")]
    public string? KnownAtFlag { get; set; }
}

public class AthletesInput : LedgerInput
{
    [FlagAlias("country")]
    [Description("Only athletes of this country (IOC code, e.g. KEN)")]
    public string? CountryFlag { get; set; }

    [FlagAlias("sex")]
    [Description("Only men or only women")]
    public string? SexFlag { get; set; }

    [FlagAlias("search")]
    [Description("Only athletes whose name contains this text (any case)")]
    public string? SearchFlag { get; set; }

    [FlagAlias("page")]
    [Description("Which page (from 1; 1 when left out)")]
    public string? PageFlag { get; set; }

    [FlagAlias("page-size")]
    [Description("Athletes per page (100 when left out, at most 1000)")]
    public string? PageSizeFlag { get; set; }
}

[Description("Lists the athletes in the ledger, a page at a time")]
public class AthletesCommand : LedgerCommand<AthletesInput>
{
    protected override async Task Run(AthletesInput input, IServiceProvider services)
    {
        var filter = AthleteFilter.Of(input.CountryFlag, SexOf(input.SexFlag), input.SearchFlag, Number(input.PageFlag, "page"), Number(input.PageSizeFlag, "page-size"), Flag);
        var view = await services.GetRequiredService<AthleteQueries>().AthletesAsync(filter);
        Answer(input, view, v =>
        {
            var table = Table($"Athletes: page {v.Page} of {v.Pages}, {v.Total} in all", "athlete", "name", "country", "sex");
            foreach (var a in v.Athletes) table.AddRow(Text(a.Athlete), Text(a.Name), Text(a.Country), Text(a.Sex.ToString().ToLowerInvariant()));
            return table;
        });
    }
}

[Description("An athlete's personal bests, per discipline")]
public class PbsCommand : LedgerCommand<AthleteInput>
{
    protected override async Task Run(AthleteInput input, IServiceProvider services)
    {
        var view = await services.GetRequiredService<CareerQueries>().PersonalBestsAsync(input.Athlete, AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag));
        Answer(input, view, PersonalBests);
    }

    public static IRenderable PersonalBests(PbsView view)
    {
        // A column of wind-assisted bests only for an athlete who has one.
        var assisted = view.Bests.Any(b => b.WindAssistedBest is not null);
        var table = Table($"Personal bests of {Text(view.Athlete)}{Moment(view.AsOf, view.KnownAt)}",
            ["discipline", "mark", "date", "competition", .. assisted ? new[] { "wind-assisted best" } : []]);
        if (view.Legend.Length > 0) table.Caption(view.Legend);
        foreach (var b in view.Bests)
            table.AddRow([Text(b.Indoor ? $"{b.Discipline} (indoor)" : b.Discipline.Code), Text(Conditions.Shown(b.Mark, b.Wind, b.Indoor)), Text(b.Date), Text(b.Competition ?? "(reported best)"),
                .. assisted ? new[] { Text(b.WindAssistedBest is { } w ? $"{Conditions.Shown(w.Mark, w.Wind, false)}, {w.Date}, {w.Competition ?? "(reported best)"}" : "") } : []]);
        return table;
    }

    public static string Moment(DateOnly? asOf, DateTimeOffset? knownAt) =>
        (asOf is null ? "" : $" as of {asOf:yyyy-MM-dd}") + (knownAt is null ? "" : $" as known at {knownAt:u}");
}

public class ToplistInput : LedgerInput
{
    [Description("The discipline, e.g. marathon")]
    public string Discipline { get; set; } = "";

    [FlagAlias("sex")]
    [Description("men or women")]
    public string? SexFlag { get; set; }

    [FlagAlias("year")]
    [Description("The marks of this year (a partial date belongs to its year)")]
    public string? YearFlag { get; set; }

    [FlagAlias("all-time")]
    [Description("The marks of every year (so when --year is left out)")]
    public bool AllTimeFlag { get; set; }

    [FlagAlias("country")]
    [Description("Only athletes of this country (IOC code); the world when left out")]
    public string? CountryFlag { get; set; }

    [FlagAlias("as-of")]
    [Description("Only marks made by this date (YYYY-MM-DD; a partial date counts from its last day)")]
    public string? AsOfFlag { get; set; }

    [FlagAlias("known-at")]
    [Description("The list as the ledger knew it at this instant (ISO 8601)")]
    public string? KnownAtFlag { get; set; }

    [FlagAlias("limit")]
    [Description("How many entries (50 when left out, at most 1000)")]
    public string? LimitFlag { get; set; }

    [FlagAlias("all-marks")]
    [Description("Every mark, not only each athlete's best")]
    public bool AllMarksFlag { get; set; }

    [FlagAlias("indoor")]
    [Description("The indoor list (outdoor marks when left out)")]
    public bool IndoorFlag { get; set; }

    [FlagAlias("wind-assisted")]
    [Description("Wind-assisted marks too (over +2.0 m/s), which the list leaves out when left out")]
    public bool WindAssistedFlag { get; set; }
}

[Description("The best marks of a discipline, of a year or all time, for a country or the world")]
public class ToplistCommand : LedgerCommand<ToplistInput>
{
    protected override async Task Run(ToplistInput input, IServiceProvider services)
    {
        if (input.AllTimeFlag && input.YearFlag is not null) throw new Refused("--year", "give --year or --all-time, not both");
        var filter = ToplistFilter.Of(input.Discipline, SexOf(input.SexFlag), Number(input.YearFlag, "year"), input.CountryFlag,
            AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag), Number(input.LimitFlag, "limit"), input.AllMarksFlag, input.IndoorFlag, input.WindAssistedFlag, Flag);
        var view = await services.GetRequiredService<ToplistQueries>().ToplistAsync(filter);
        Answer(input, view, v =>
        {
            var table = Table($"{Text(v.Title)}{PbsCommand.Moment(v.AsOf, v.KnownAt)}", "rank", "mark", "", "athlete", "country", "date", "competition", "venue");
            table.Caption("PB the athlete's personal best, NR a national record when set; w wind-assisted, wind in m/s in brackets");
            foreach (var e in v.Entries)
                table.AddRow(Text(e.Rank), Text(Conditions.Shown(e.Mark, e.Wind, false)), Text(string.Join(" ", new[] { e.PersonalBest ? "PB" : null, e.NationalRecord ? "NR" : null }.OfType<string>())),
                    Text(e.Name), Text(e.Country), Text(e.Date), Text(e.Competition ?? "(reported best)"), Text(e.Venue));
            return table;
        });
    }
}

public class RecordsInput : LedgerInput
{
    [Description("The country's IOC code, e.g. MGL")]
    public string Country { get; set; } = "";

    [FlagAlias("sex")]
    [Description("men or women (both when left out)")]
    public string? SexFlag { get; set; }

    [FlagAlias("as-of")]
    [Description("The records that stood on this date")]
    public string? AsOfFlag { get; set; }

    [FlagAlias("known-at")]
    [Description("The records as the ledger knew them at this instant (ISO 8601)")]
    public string? KnownAtFlag { get; set; }
}

[Description("A country's national records")]
public class RecordsCommand : LedgerCommand<RecordsInput>
{
    protected override async Task Run(RecordsInput input, IServiceProvider services)
    {
        var view = await services.GetRequiredService<RecordQueries>().RecordsAsync(input.Country, SexOf(input.SexFlag), AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag));
        Answer(input, view, NationalRecords);
    }

    public static IRenderable NationalRecords(RecordsView view)
    {
        var table = Table($"National records of {Text(view.Country)}{PbsCommand.Moment(view.AsOf, view.KnownAt)}", "sex", "discipline", "mark", "athlete", "date", "competition");
        table.Caption("i an indoor record");
        foreach (var r in view.Records)
            table.AddRow(Text(r.Sex.ToString().ToLowerInvariant()), Text(r.Discipline), Text(Conditions.Shown(r.Mark, null, r.Indoor)), Text(r.Athlete), Text(r.Date), Text(r.Competition));
        return table;
    }
}

public class RecordHistoryInput : LedgerInput
{
    [Description("The country's IOC code, e.g. MGL")]
    public string Country { get; set; } = "";

    [Description("The discipline, e.g. marathon")]
    public string Discipline { get; set; } = "";

    [FlagAlias("sex")]
    [Description("men or women (men when left out)")]
    public string? SexFlag { get; set; }

    [FlagAlias("known-at")]
    [Description("The history as the ledger knew it at this instant (ISO 8601)")]
    public string? KnownAtFlag { get; set; }

    [FlagAlias("indoor")]
    [Description("The indoor record (the outdoor one when left out)")]
    public bool IndoorFlag { get; set; }
}

[Description("Every mark that was a national record, and what became of it", Name = "record-history")]
public class RecordHistoryCommand : LedgerCommand<RecordHistoryInput>
{
    protected override async Task Run(RecordHistoryInput input, IServiceProvider services)
    {
        var view = await services.GetRequiredService<RecordQueries>().RecordHistoryAsync(
            input.Country, Parameters.Discipline(input.Discipline, "discipline"), SexOf(input.SexFlag) ?? Sex.Men, KnownAt(input.KnownAtFlag), input.IndoorFlag);
        Answer(input, view, v =>
        {
            var table = Table($"{Text(v.Country)} {Text(v.Sex.ToString().ToLowerInvariant())}'s {Text(v.Discipline)}{(v.Indoor ? " indoor" : "")} record", "mark", "athlete", "date", "competition", "recorded at", "status");
            foreach (var p in v.Progression)
                table.AddRow(Text(p.Mark), Text(p.Athlete), Text(p.Date), Text(p.Competition), Text(p.RecordedAt.ToString("u")),
                    Text(p.Status == RecordStatus.Rescinded ? $"rescinded {p.RescindedAt:u}: {p.RescindReason}" : p.Status.ToString().ToLowerInvariant()));
            return table;
        });
    }
}

[Description("An athlete's championship counts, per series")]
public class ChampionshipsCommand : LedgerCommand<AthleteInput>
{
    protected override async Task Run(AthleteInput input, IServiceProvider services)
    {
        var view = await services.GetRequiredService<CareerQueries>().ChampionshipsAsync(input.Athlete, AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag));
        Answer(input, view, Championships);
    }

    public static IRenderable Championships(ChampionshipsView view)
    {
        var table = Table($"Championships of {Text(view.Athlete)}{PbsCommand.Moment(view.AsOf, null)}", "championship", "ed.", "st.", "fin.", "dnf", "G", "S", "B", "best");
        table.Caption("ed. editions (years), st. starts, fin. finishes, G/S/B medals, best place");
        foreach (var c in view.Championships)
            table.AddRow(Text(c.Championship), Text(c.Editions), Text(c.Starts), Text(c.Finishes), Text(c.Dnf), Text(c.Gold), Text(c.Silver), Text(c.Bronze), Text(c.BestPlace));
        return table;
    }
}

[Description("An athlete's career in date order")]
public class TimelineCommand : LedgerCommand<AthleteInput>
{
    protected override async Task Run(AthleteInput input, IServiceProvider services)
    {
        var view = await services.GetRequiredService<CareerQueries>().TimelineAsync(input.Athlete, AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag));
        Answer(input, view, v =>
        {
            var table = Table($"Career of {Text(v.Athlete)}{PbsCommand.Moment(v.AsOf, null)}", "date", "what", "detail");
            foreach (var e in v.Events)
                table.AddRow(Text(e.Date), Text(e.Type), Text(Describe(e.Event)));
            return table;
        });
    }

    /// <summary>An event's fields in a line, as "competition Berlin Marathon, mark 2:12:42"; its date and source left out.</summary>
    public static string Describe(object @event) =>
        string.Join(", ", EventFormat.FieldsOf(@event)
            .Where(f => f.Key is not ("date" or "source"))
            .Select(f => $"{f.Key.Replace('_', ' ')} {(f.Value is JsonValue value ? value.Deserialize<object>()!.ToString() : f.Value!.ToJsonString(EventFormat.Options))}"));
}

public class AuditInput : LedgerInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")]
    public string Athlete { get; set; } = "";
}

[Description("Every event of an athlete as appended: version, time recorded, who, and what")]
public class AuditCommand : LedgerCommand<AuditInput>
{
    protected override async Task Run(AuditInput input, IServiceProvider services)
    {
        var view = await services.GetRequiredService<AuditQueries>().AuditAsync(input.Athlete);
        Answer(input, view, v =>
        {
            var table = Table($"Audit of {Text(v.Athlete)}", "version", "recorded at", "user", "type", "detail");
            foreach (var e in v.Events)
                table.AddRow(Text(e.Version), Text(e.RecordedAt.ToString("u")), Text(e.User), Text(e.Type), Text(TimelineCommand.Describe(e.Event)));
            return table;
        });
    }
}
