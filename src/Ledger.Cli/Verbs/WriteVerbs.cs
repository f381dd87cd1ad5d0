using JasperFx.CommandLine;
using Ledger.Domain;
using Ledger.Store;
using Ledger.Store.Commands;
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

/// <summary>A verb that sends one command through the bus and prints its answer.</summary>
public abstract class WriteCommand<TInput, TAnswer> : LedgerCommand<TInput> where TInput : WriteInput
{
    protected abstract ILedgerCommand Command(TInput input);

    protected override async Task Run(TInput input, IServiceProvider services)
    {
        var command = Command(input);
        var host = services.GetRequiredService<IHost>();
        await host.StartAsync();
        try
        {
            var answer = await services.GetRequiredService<IMessageBus>().InvokeAsync<TAnswer>(command);
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

    protected static T? Parsed<T>(string? text, Func<string, T> parse) where T : struct => text is null ? null : parse(text);

    protected static string Required(string? text, string flag) =>
        string.IsNullOrWhiteSpace(text) ? throw new FormatException($"--{flag} is required") : text;
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
public class RegisterAthleteCommand : WriteCommand<RegisterAthleteInput, AthleteAnswer>
{
    protected override ILedgerCommand Command(RegisterAthleteInput i) => new RegisterAthlete(i.Athlete,
        new AthleteRegistered(Required(i.NameFlag, "name"), Required(i.CountryFlag, "country"),
            SexOf(Required(i.SexFlag, "sex"))!.Value, Parsed(i.BornFlag, PartialDate.Parse), i.BirthplaceFlag, i.NativeNameFlag, i.NicknameFlag),
        i.User, i.CommandIdFlag);
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
public class AddResultCommand : WriteCommand<AddResultInput, ResultAnswer>
{
    protected override ILedgerCommand Command(AddResultInput i)
    {
        var date = PartialDate.Parse(Required(i.DateFlag, "date"));
        var competition = Required(i.CompetitionFlag, "competition");
        var discipline = Discipline.Parse(Required(i.DisciplineFlag, "discipline"));
        var status = i.StatusFlag switch
        {
            null or "finished" => ResultStatus.Finished,
            "dnf" => ResultStatus.Dnf,
            "dns" => ResultStatus.Dns,
            "dq" => ResultStatus.Dq,
            var other => throw new FormatException($"--status '{other}' is not finished, dnf, dns or dq"),
        };
        var resultId = i.ResultIdFlag ?? RecordResult.IdFor(date, competition, discipline);
        return new RecordResult(i.Athlete, new ResultRecorded(resultId, date, competition, discipline, status,
            Parsed(i.MarkFlag, Mark.Parse), Number(i.PlaceFlag, "place"), Number(i.OverallPlaceFlag, "overall-place"), i.VenueFlag,
            Parsed(i.ChampionshipFlag, Championship.Parse), i.NotRecordEligibleFlag ? false : null, i.NotesFlag,
            NewWorldRecord: i.NewWorldRecordFlag ? true : null, Wind: Parsed(i.WindFlag, Wind.Parse), Indoor: i.IndoorFlag ? true : null),
            i.User, i.CommandIdFlag);
    }
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
public class CorrectResultCommand : WriteCommand<CorrectResultInput, ResultAnswer>
{

    protected override ILedgerCommand Command(CorrectResultInput i) => new CorrectResult(i.Athlete,
        new ResultCorrected(i.ResultId, Required(i.ReasonFlag, "reason"), Parsed(i.DateFlag, PartialDate.Parse), i.CompetitionFlag,
            Mark: Parsed(i.MarkFlag, Mark.Parse), Place: Number(i.PlaceFlag, "place"), Venue: i.VenueFlag,
            NewWorldRecord: i.NewWorldRecordFlag ? true : null, Wind: Parsed(i.WindFlag, Wind.Parse)),
        i.User, i.CommandIdFlag);
}

public class AnnulResultInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [Description("The id of the result to annul")] public string ResultId { get; set; } = "";
    [FlagAlias("reason")] public string? ReasonFlag { get; set; }
}

[Description("Appends an annulment of a result; a record it held is rescinded", Name = "annul-result")]
public class AnnulResultCommand : WriteCommand<AnnulResultInput, ResultAnswer>
{

    protected override ILedgerCommand Command(AnnulResultInput i) =>
        new AnnulResult(i.Athlete, new ResultAnnulled(i.ResultId, Required(i.ReasonFlag, "reason")), i.User, i.CommandIdFlag);
}

public class ClubInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [Description("The club")] public string Club { get; set; } = "";
    [FlagAlias("date")] public string? DateFlag { get; set; }
    [FlagAlias("city")] public string? CityFlag { get; set; }
}

[Description("Appends a club move: the athlete joins a club", Name = "join-club")]
public class JoinClubCommand : WriteCommand<ClubInput, AthleteAnswer>
{

    protected override ILedgerCommand Command(ClubInput i) =>
        new JoinClub(i.Athlete, new ClubJoined(i.Club, PartialDate.Parse(Required(i.DateFlag, "date")), i.CityFlag), i.User, i.CommandIdFlag);
}

[Description("Appends a club move: the athlete leaves a club", Name = "leave-club")]
public class LeaveClubCommand : WriteCommand<ClubInput, AthleteAnswer>
{

    protected override ILedgerCommand Command(ClubInput i) =>
        new LeaveClub(i.Athlete, new ClubLeft(i.Club, PartialDate.Parse(Required(i.DateFlag, "date"))), i.User, i.CommandIdFlag);
}

public class HonourInput : WriteInput
{
    [Description("The athlete's slug, e.g. bat-ochir-ser-od")] public override string Athlete { get; set; } = "";
    [FlagAlias("honour")] [Description("e.g. flag_bearer, continental_champion")] public string? HonourFlag { get; set; }
    [FlagAlias("occasion")] public string? OccasionFlag { get; set; }
    [FlagAlias("date")] public string? DateFlag { get; set; }
}

[Description("Appends an honour", Name = "award-honour")]
public class AwardHonourCommand : WriteCommand<HonourInput, AthleteAnswer>
{
    protected override ILedgerCommand Command(HonourInput i) => new AwardHonour(i.Athlete,
        new HonourAwarded(Required(i.HonourFlag, "honour"), Required(i.OccasionFlag, "occasion"), PartialDate.Parse(Required(i.DateFlag, "date"))),
        i.User, i.CommandIdFlag);
}
