using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Ledger.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Ledger.Http.Web;

/// <summary>A piece of HTML that is already safe to write as it is.</summary>
public readonly record struct Markup(string Value)
{
    public override string ToString() => Value ?? "";
}

/// <summary>
/// Builds <see cref="Markup"/> from an interpolated string: every hole is HTML-encoded unless it is
/// Markup already, so a page cannot forget to encode what a user typed.
/// </summary>
[InterpolatedStringHandler]
public readonly ref struct MarkupBuilder(int literalLength, int formattedCount)
{
    // Letters of every script stay as they are (a native name in Cyrillic stays readable in the source).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(literalLength + 16 * formattedCount);

    public void AppendLiteral(string literal) => _html.Append(literal);

    public void AppendFormatted<T>(T value, string? format = null)
    {
        switch (value)
        {
            case null: break;
            case Markup markup: _html.Append(markup.Value); break;
            case IEnumerable<Markup> many: foreach (var markup in many) _html.Append(markup.Value); break;
            case IFormattable formattable: _html.Append(Encoder.Encode(formattable.ToString(format, CultureInfo.InvariantCulture))); break;
            default: _html.Append(Encoder.Encode(value.ToString() ?? "")); break;
        }
    }

    public Markup ToMarkup() => new(_html.ToString());
}

/// <summary>The look of every page, whether built here or by a Razor component (<see cref="Layout"/>).</summary>
public static class Styles
{
    public static readonly Markup Css = new("""
        body{font:16px/1.45 system-ui,sans-serif;color:#1d2329;max-width:62rem;margin:0 auto;padding:0 1rem 2rem}
        nav{padding:.75rem 0;border-bottom:1px solid #d6dbe0;margin-bottom:1rem}
        nav.pager{border:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
        a{color:#0b57a4}
        h1{font-size:1.6rem;margin:.5rem 0}
        h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d6dbe0}
        h3{font-size:1.05rem}
        .muted{color:#5b6670}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e8ec;white-space:nowrap}
        td.wrap{white-space:normal;min-width:12rem}
        thead th{background:#f3f5f7}
        .tag{font-size:.75rem;font-weight:600;padding:0 .3rem;border-radius:.25rem;background:#dbe9fb;color:#0b4f94}
        .tag.nr{background:#fde2df;color:#a0251b}
        .tag.out{background:#eceff1;color:#455a64}
        form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}
        label{display:flex;flex-direction:column;font-size:.85rem;color:#5b6670}
        input,select,button{font:inherit;padding:.25rem .4rem}
        .asof{background:#fff6d6;border:1px solid #ecd47a;padding:.5rem .75rem;border-radius:.25rem}
        figure{margin:1rem 0}
        img.chart{max-width:100%;height:auto;border:1px solid #e4e8ec}
        """);
}

public static class Html
{
    public static Markup H(MarkupBuilder html) => html.ToMarkup();

    /// <summary>A query-string value, escaped for the URL (the hole it goes in encodes it for HTML).</summary>
    public static string Q(string value) => Uri.EscapeDataString(value);

    /// <summary>Wide tables scroll sideways on a phone instead of squeezing the page.</summary>
    public static Markup Table(string id, Markup head, IEnumerable<Markup> rows) =>
        H($"""<div class="scroll"><table id="{id}"><thead>{head}</thead><tbody>{rows}</tbody></table></div>""");

    public static Markup Option(string value, string? selected) =>
        H($"""<option{(value == selected ? H($" selected") : default)}>{value}</option>""");

    public static IResult Page(string title, Markup body, int status = StatusCodes.Status200OK) =>
        Results.Content(H($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} · Ledger</title>
            <style>{{Styles.Css}}</style>
            </head>
            <body>
            <nav><a href="/">Athletes</a> · <a href="/toplists">Toplists</a></nav>
            <main>
            {{body}}
            </main>
            </body>
            </html>
            """).Value, "text/html; charset=utf-8", Encoding.UTF8, status);

    public static IResult NotFound(string message) =>
        Page("Not found", H($"""<h1>Not found</h1><p>{message}</p><p><a href="/">All athletes</a></p>"""), StatusCodes.Status404NotFound);

    /// <summary>What a page answers when the athlete or country is unknown or a query value is malformed.</summary>
    public static async ValueTask<object?> Refusals(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NotInLedger e)
        {
            return NotFound($"There is {e.Message}.");
        }
        catch (FormatException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    /// <summary>A page saying what went wrong, in the words problem details would use.</summary>
    public static IResult Error(int status, string detail)
    {
        var title = ReasonPhrases.GetReasonPhrase(status);
        return Page(title, H($"""<h1>{title}</h1><p>{detail}</p>"""), status);
    }

    /// <summary>Human words for a code: <c>world_championships</c> reads "World championships".</summary>
    public static string Words(string code) =>
        code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');
}
