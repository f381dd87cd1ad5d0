using System.Text;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>
/// JasperFx prints "Searching '...' for commands" for every extension assembly before any verb runs.
/// That chatter is dropped; whatever JasperFx prints after it (help, its own commands) passes through.
/// </summary>
public sealed class DiscoveryChatter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();
    private bool _passing;

    public override Encoding Encoding => inner.Encoding;

    public static IAnsiConsole Console(TextWriter inner)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new DiscoveryChatter(inner)) });
        // One line per announcement, so each can be recognised whole.
        console.Profile.Width = 4096;
        return console;
    }

    public override void Write(char value)
    {
        if (_passing)
        {
            inner.Write(value);
            return;
        }

        if (value != '\n')
        {
            _line.Append(value);
            return;
        }

        var line = _line.ToString();
        _line.Clear();
        if ((line.Contains("Searching '", StringComparison.Ordinal) && line.Contains("for commands", StringComparison.Ordinal)) || line.Trim().Length == 0) return;
        _passing = true;
        inner.WriteLine(line);
    }

    public override void Flush()
    {
        if (_passing) inner.Flush();
    }
}
