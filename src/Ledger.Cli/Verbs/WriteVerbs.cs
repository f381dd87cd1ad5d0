using Ledger.Store.Athletes;
using Ledger.Store.Careers;
using Ledger.Store.Commanding;
using Ledger.Store.Results;
using System.Globalization;
using System.Text.Json.Nodes;
using JasperFx.CommandLine;
using Ledger.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Wolverine;

namespace Ledger.Cli.Verbs;

/// <summary>
/// The flags every writing verb takes. Each input declares its athlete argument itself, first,
/// because positional arguments are read in the order the properties are declared.
/// </summary>
public abstract class WriteInput : LedgerInput
{
    public abstract string Athlete { get; set; }

    [FlagAlias("command-id")]
    [Description("An id for this command: sent again, it appends nothing and answers as the first time")]
    public string? CommandIdFlag { get; set; }

    [FlagAlias("user")]
    [Description("Who is recording this (the OS user when left out)")]
    public string? UserFlag { get; set; }

    public string User => string.IsNullOrWhiteSpace(UserFlag) ? Environment.UserName : UserFlag;
}

/// <summary>
/// A verb that sends one command through the bus and prints its answer. Its flags become the fields
/// of the event, one JSON object as an HTTP body is, read by <see cref="CommandInput"/>: a bad input
/// is refused as the API refuses it, naming every wrong field.
/// </summary>
public abstract class WriteCommand<TInput, TEvent, TAnswer> : LedgerCommand<TInput> where TInput : WriteInput where TEvent : class
{
    /// <summary>The event's fields as the flags give them; a flag left out is a field left out.</summary>
    protected abstract JsonObject Fields(TInput input);

    protected abstract ILedgerCommand<TAnswer> Command(TInput input, TEvent fact);

    protected override async Task Run(TInput input, IServiceProvider services)
    {
        var command = Command(input, CommandInput.Read<TEvent>(input.Athlete, Fields(input)));
        var host = services.GetRequiredService<IHost>();
        await host.StartAsync();
        try
        {
            var answer = await services.GetRequiredService<IMessageBus>().CommandAsync(command);
            Answer(input, answer, a => new Markup($"{Markup.Escape(Describe(a!))}\n"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string Describe(object answer) => answer switch
    {
        ResultAnswer r => $"result {r.ResultId}: {(r.PersonalBest ? "a personal best" : "not a personal best")}, {(r.NationalRecord ? "a national record" : "no national record")}",
        AthleteAnswer a => $"recorded for {a.Athlete}",
        _ => answer.ToString() ?? "",
    };

    /// <summary>The fields that were given, as the flags typed them.</summary>
    protected static JsonObject Given(params (string Field, JsonNode? Value)[] fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Field, f.Value)));

    /// <summary>A whole number as a JSON number; anything else as typed, for the reader to name.</summary>
    protected static JsonNode? Whole(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : text;

    /// <summary>A switch given is true; not given, the field is left out.</summary>
    protected static JsonNode? Switch(bool on) => on ? true : null;
}

public class RegisterAthleteInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [FlagAlias("name")] public string? NameFlag { get; set; }
    [FlagAlias("country")] [Description("IOC code, e.g. MGL")] public string? CountryFlag { get; set; }
    [FlagAlias("sex")] [Description("men or women")] public string? SexFlag { get; set; }
    [FlagAlias("born")] [Description("YYYY-MM-DD (or YYYY-MM, YYYY)")] public string? BornFlag { get; set; }
    [FlagAlias("birthplace")] public string? BirthplaceFlag { get; set; }
    [FlagAlias("native-name")] public string? NativeNameFlag { get; set; }
    [FlagAlias("nickname")] public string? NicknameFlag { get; set; }
}

[Description("Starts an athlete's stream", Name = "register-athlete")]
public class RegisterAthleteCommand : WriteCommand<RegisterAthleteInput, AthleteRegistered, AthleteAnswer>
{
    protected override JsonObject Fields(RegisterAthleteInput i) => Given(("name", i.NameFlag), ("country", i.CountryFlag), ("sex", i.SexFlag),
        ("born", i.BornFlag), ("birthplace", i.BirthplaceFlag), ("native_name", i.NativeNameFlag), ("nickname", i.NicknameFlag));

    protected override ILedgerCommand<AthleteAnswer> Command(RegisterAthleteInput i, AthleteRegistered fact) => new RegisterAthlete(i.Athlete, fact, i.User, i.CommandIdFlag);
}

public class AddResultInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [FlagAlias("date")] [Description("YYYY-MM-DD (or YYYY-MM, YYYY)")] public string? DateFlag { get; set; }
    [FlagAlias("competition")] public string? CompetitionFlag { get; set; }
    [FlagAlias("discipline")] [Description("marathon, 10000m, 100m, long-jump, decathlon, ... (see the README's catalogue)")] public string? DisciplineFlag { get; set; }
    [FlagAlias("mark")] [Description("As the discipline's kind: a time (2:08:50, 14:12.86, 9.58), metres (8.95) or points (9126)")] public string? MarkFlag { get; set; }
    [FlagAlias("wind")] [Description("The wind reading in m/s, where the wind is measured: 0.9, +2.4, -0.3")] public string? WindFlag { get; set; }
    [FlagAlias("indoor")] [Description("The result was made indoors")] public bool IndoorFlag { get; set; }
    [FlagAlias("status")] [Description("finished (default), dnf, dns or dq")] public string? StatusFlag { get; set; }
    [FlagAlias("place")] public string? PlaceFlag { get; set; }
    [FlagAlias("overall-place")] public string? OverallPlaceFlag { get; set; }
    [FlagAlias("venue")] public string? VenueFlag { get; set; }
    [FlagAlias("championship")] [Description("olympic_games, world_championships, ...")] public string? ChampionshipFlag { get; set; }
    [FlagAlias("result-id")] [Description("The result's id (made from date, competition and discipline when left out)")] public string? ResultIdFlag { get; set; }
    [FlagAlias("not-record-eligible")] [Description("The mark cannot stand as a record (e.g. an aided course)")] public bool NotRecordEligibleFlag { get; set; }
    [FlagAlias("notes")] public string? NotesFlag { get; set; }
    [FlagAlias("new-world-record")] [Description("The mark is better than the world record, and that is so: a new world record")] public bool NewWorldRecordFlag { get; set; }
}

[Description("Appends a result; a national record with it when it beats the standing one", Name = "add-result")]
public class AddResultCommand : WriteCommand<AddResultInput, ResultRecorded, ResultAnswer>
{
    protected override JsonObject Fields(AddResultInput i) => Given(("result_id", i.ResultIdFlag), ("date", i.DateFlag), ("competition", i.CompetitionFlag),
        ("discipline", i.DisciplineFlag), ("status", i.StatusFlag), ("mark", i.MarkFlag), ("place", Whole(i.PlaceFlag)), ("overall_place", Whole(i.OverallPlaceFlag)),
        ("venue", i.VenueFlag), ("championship", i.ChampionshipFlag), ("record_eligible", i.NotRecordEligibleFlag ? false : null), ("notes", i.NotesFlag),
        ("new_world_record", Switch(i.NewWorldRecordFlag)), ("wind", i.WindFlag), ("indoor", Switch(i.IndoorFlag)));

    protected override ILedgerCommand<ResultAnswer> Command(AddResultInput i, ResultRecorded fact) => new RecordResult(i.Athlete, fact, i.User, i.CommandIdFlag);
}

public class CorrectResultInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [Description("The id of the result to correct")] public string ResultId { get; set; } = "";
    [FlagAlias("reason")] public string? ReasonFlag { get; set; }
    [FlagAlias("mark")] public string? MarkFlag { get; set; }
    [FlagAlias("place")] public string? PlaceFlag { get; set; }
    [FlagAlias("date")] public string? DateFlag { get; set; }
    [FlagAlias("competition")] public string? CompetitionFlag { get; set; }
    [FlagAlias("venue")] public string? VenueFlag { get; set; }
    [FlagAlias("wind")] [Description("The corrected wind reading in m/s")] public string? WindFlag { get; set; }
    [FlagAlias("new-world-record")] [Description("The corrected mark is better than the world record, and that is so")] public bool NewWorldRecordFlag { get; set; }
}

[Description("Appends a correction of a result; a record it no longer earns is rescinded", Name = "correct-result")]
public class CorrectResultCommand : WriteCommand<CorrectResultInput, ResultCorrected, ResultAnswer>
{
    protected override JsonObject Fields(CorrectResultInput i) => Given(("result_id", i.ResultId), ("reason", i.ReasonFlag), ("date", i.DateFlag),
        ("competition", i.CompetitionFlag), ("mark", i.MarkFlag), ("place", Whole(i.PlaceFlag)), ("venue", i.VenueFlag),
        ("new_world_record", Switch(i.NewWorldRecordFlag)), ("wind", i.WindFlag));

    protected override ILedgerCommand<ResultAnswer> Command(CorrectResultInput i, ResultCorrected fact) => new CorrectResult(i.Athlete, fact, i.User, i.CommandIdFlag);
}

public class AnnulResultInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [Description("The id of the result to annul")] public string ResultId { get; set; } = "";
    [FlagAlias("reason")] public string? ReasonFlag { get; set; }
}

[Description("Appends an annulment of a result; a record it held is rescinded", Name = "annul-result")]
public class AnnulResultCommand : WriteCommand<AnnulResultInput, ResultAnnulled, ResultAnswer>
{
    protected override JsonObject Fields(AnnulResultInput i) => Given(("result_id", i.ResultId), ("reason", i.ReasonFlag));

    protected override ILedgerCommand<ResultAnswer> Command(AnnulResultInput i, ResultAnnulled fact) => new AnnulResult(i.Athlete, fact, i.User, i.CommandIdFlag);
}

public class ClubInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [Description("The club")] public string Club { get; set; } = "";
    [FlagAlias("date")] public string? DateFlag { get; set; }
    [FlagAlias("city")] public string? CityFlag { get; set; }
}

[Description("Appends a club move: the athlete joins a club", Name = "join-club")]
public class JoinClubCommand : WriteCommand<ClubInput, ClubJoined, AthleteAnswer>
{
    protected override JsonObject Fields(ClubInput i) => Given(("club", i.Club), ("date", i.DateFlag), ("city", i.CityFlag));

    protected override ILedgerCommand<AthleteAnswer> Command(ClubInput i, ClubJoined fact) => new JoinClub(i.Athlete, fact, i.User, i.CommandIdFlag);
}

[Description("Appends a club move: the athlete leaves a club", Name = "leave-club")]
public class LeaveClubCommand : WriteCommand<ClubInput, ClubLeft, AthleteAnswer>
{
    // A departure has no city: --city, which joining takes, is not read here.
    protected override JsonObject Fields(ClubInput i) => Given(("club", i.Club), ("date", i.DateFlag));

    protected override ILedgerCommand<AthleteAnswer> Command(ClubInput i, ClubLeft fact) => new LeaveClub(i.Athlete, fact, i.User, i.CommandIdFlag);
}

public class HonourInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [FlagAlias("honour")] [Description("e.g. flag_bearer, continental_champion")] public string? HonourFlag { get; set; }
    [FlagAlias("occasion")] public string? OccasionFlag { get; set; }
    [FlagAlias("date")] public string? DateFlag { get; set; }
}

[Description("Appends an honour", Name = "award-honour")]
public class AwardHonourCommand : WriteCommand<HonourInput, HonourAwarded, AthleteAnswer>
{
    protected override JsonObject Fields(HonourInput i) => Given(("honour", i.HonourFlag), ("occasion", i.OccasionFlag), ("date", i.DateFlag));

    protected override ILedgerCommand<AthleteAnswer> Command(HonourInput i, HonourAwarded fact) => new AwardHonour(i.Athlete, fact, i.User, i.CommandIdFlag);
}
