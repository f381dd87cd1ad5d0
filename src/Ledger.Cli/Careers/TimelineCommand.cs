using System.Text.Json.Nodes;
using System.Text.Json;
using JasperFx.CommandLine;
using Ledger.Cli.Verbs;
using Ledger.Store.Careers;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using static Ledger.Cli.Verbs.Tables;

namespace Ledger.Cli.Careers;

[Description("An athlete's career in date order")]
public class TimelineCommand : LedgerCommand<AthleteInput>
{
    protected override async Task Run(AthleteInput input, IServiceProvider services, Answers answers)
    {
        var view = await services.GetRequiredService<CareerQueries>().TimelineAsync(input.Athlete, AsOf(input.AsOfFlag), KnownAt(input.KnownAtFlag));
        answers.Write(view, v =>
        {
            var table = Table($"Career of {Text(v.Athlete)}{Moment(v.AsOf, null)}", "date", "what", "detail");
            foreach (var e in v.Events)
                table.AddRow(Text(e.Date), Text(e.Type), Text(Describe(e.Event)));
            return table;
        });
    }

    /// <summary>An event's fields in a line, as "competition Berlin Marathon, mark 2:12:42"; its date and source left out.</summary>
    public static string Describe(object @event) =>
        string.Join(", ", EventFormat.FieldsOf(@event)
            .Where(f => f.Key is not ("date" or "source"))
            .Select(f => $"{f.Key.Replace('_', ' ')} " +
                $"{(f.Value is JsonValue value ? value.Deserialize<object>()!.ToString() : f.Value!.ToJsonString(EventFormat.Options))}"));
}
