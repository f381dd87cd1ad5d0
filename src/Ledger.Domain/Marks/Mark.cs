using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledger.Domain;

/// <summary>
/// A mark as athletics writes it: a time (<c>2:08:50</c>, <c>14:12.86</c>, <c>30:08</c>, <c>9.58</c>), a
/// distance or height in metres (<c>8.95</c>, <c>2.45</c>), or points (<c>9126</c>). Held exactly, in
/// hundredths of its unit (a second, a metre, a point), and printed back in the style it was written
/// in: the style is part of the fact ("30:08" was not timed to the hundredth). Which unit it is in,
/// and whether lower or higher is better, is its discipline's to say (<see cref="Discipline.Compare"/>),
/// so marks have no order of their own.
/// </summary>
[Description("As the discipline's kind: a time (2:08:50, 14:12.86, 9.58), metres (8.95) or points (9126)")]
public readonly partial struct Mark : IEquatable<Mark>
{
    private readonly string _text;

    private Mark(long hundredths, string text)
    {
        Hundredths = hundredths;
        _text = text;
    }

    /// <summary>The mark in hundredths of its unit: of a second, of a metre, or of a point.</summary>
    public long Hundredths { get; }

    /// <summary>The mark in its unit: seconds, metres or points.</summary>
    public double Value => Hundredths / 100.0;

    /// <summary>Written as a clock (<c>1:40.91</c>): a time, whatever its discipline says.</summary>
    public bool IsClock => _text?.Contains(':') == true;

    /// <summary>Written with a decimal point (<c>9.58</c>, <c>8.95</c>).</summary>
    public bool HasFraction => _text?.Contains('.') == true;

    public static Mark Parse(string text) =>
        TryParse(text, out var mark, out var error) ? mark : throw new FormatException(error);

    public static bool TryParse(string? text, out Mark mark, out string error)
    {
        mark = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a mark is empty; write a time like 2:08:50 or 9.58, metres like 8.95, or points like 9126";
            return false;
        }

        if (text.StartsWith('-'))
        {
            error = $"mark '{text}' is negative; a mark cannot be below zero";
            return false;
        }

        if (Plain().IsMatch(text))
        {
            var number = decimal.Parse(text, CultureInfo.InvariantCulture);
            if (number == 0)
            {
                error = $"mark '{text}' is zero; a mark is more than nothing";
                return false;
            }

            mark = new Mark((long)(number * 100), text);
            error = "";
            return true;
        }

        if (!Shape().IsMatch(text))
        {
            error = $"mark '{text}' is not a mark like 2:08:50, 14:12.86, 9.58 (a time), 8.95 (metres) or 9126 (points)";
            return false;
        }

        // The shape holds, so the parts are where it puts them: read them in place, without a Match.
        var rest = text.AsSpan();
        var dot = rest.IndexOf('.');
        var fraction = dot >= 0 ? rest[(dot + 1)..] : [];
        if (dot >= 0) rest = rest[..dot];
        var lastColon = rest.LastIndexOf(':');
        var seconds = int.Parse(rest[(lastColon + 1)..], CultureInfo.InvariantCulture);
        rest = rest[..lastColon];
        var colon = rest.IndexOf(':');
        var hasHours = colon >= 0;
        var hours = hasHours ? int.Parse(rest[..colon], CultureInfo.InvariantCulture) : 0;
        var minutes = int.Parse(hasHours ? rest[(colon + 1)..] : rest, CultureInfo.InvariantCulture);
        var hundredths = fraction.Length switch
        {
            0 => 0,
            1 => int.Parse(fraction, CultureInfo.InvariantCulture) * 10,
            _ => int.Parse(fraction, CultureInfo.InvariantCulture),
        };

        if (minutes >= 60)
        {
            error = hasHours
                ? $"mark '{text}' has {minutes} minutes; minutes run from 00 to 59"
                : $"mark '{text}' has {minutes} minutes; write an hour or more as h:mm:ss";
            return false;
        }

        if (seconds >= 60)
        {
            error = $"mark '{text}' has {seconds} seconds; seconds run from 00 to 59";
            return false;
        }

        var total = ((hours * 60L + minutes) * 60 + seconds) * 100 + hundredths;
        if (total == 0)
        {
            error = $"mark '{text}' is zero; a race takes some time";
            return false;
        }

        mark = new Mark(total, text);
        error = "";
        return true;
    }

    public override string ToString() => _text ?? "";

    /// <summary>Marks are equal when they are the same amount, however written.</summary>
    public bool Equals(Mark other) => Hundredths == other.Hundredths;

    public override bool Equals(object? obj) => obj is Mark other && Equals(other);

    public override int GetHashCode() => Hundredths.GetHashCode();

    public static bool operator ==(Mark left, Mark right) => left.Equals(right);
    public static bool operator !=(Mark left, Mark right) => !left.Equals(right);

    // A plain number: seconds, metres or points, with tenths or hundredths at most.
    [GeneratedRegex(@"^\d{1,5}(?:\.\d{1,2})?$")]
    private static partial Regex Plain();

    // h:mm:ss, m:ss or mm:ss, each optionally with tenths or hundredths; hours take two-digit minutes.
    [GeneratedRegex(@"^(?:\d{1,2}:(?=\d{2}:))?\d{1,2}:\d{2}(?:\.\d{1,2})?$")]
    private static partial Regex Shape();
}
