using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledger.Domain;

/// <summary>
/// A time as athletics writes it (<c>2:08:50</c>, <c>1:02:10</c>, <c>14:12.86</c>, <c>30:08</c>).
/// Held exactly, in hundredths of a second, and printed back in the style it was written in:
/// the style is part of the fact ("30:08" was not timed to the hundredth), the duration decides order.
/// </summary>
public readonly partial struct Mark : IComparable<Mark>, IEquatable<Mark>
{
    private readonly string _text;

    private Mark(long hundredths, string text)
    {
        Hundredths = hundredths;
        _text = text;
    }

    /// <summary>The duration in hundredths of a second.</summary>
    public long Hundredths { get; }

    public TimeSpan Duration => TimeSpan.FromMilliseconds(Hundredths * 10);

    public static Mark Parse(string text) =>
        TryParse(text, out var mark, out var error) ? mark : throw new FormatException(error);

    public static bool TryParse(string? text, out Mark mark, out string error)
    {
        mark = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a mark is empty; write a time like 2:08:50, 14:12.86 or 30:08";
            return false;
        }

        if (text.StartsWith('-'))
        {
            error = $"mark '{text}' is negative; a time cannot be below zero";
            return false;
        }

        if (!Shape().IsMatch(text))
        {
            error = $"mark '{text}' is not a time like 2:08:50, 14:12.86 or 30:08";
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

    public int CompareTo(Mark other) => Hundredths.CompareTo(other.Hundredths);

    /// <summary>Marks are equal when they are the same time, however written.</summary>
    public bool Equals(Mark other) => Hundredths == other.Hundredths;

    public override bool Equals(object? obj) => obj is Mark other && Equals(other);

    public override int GetHashCode() => Hundredths.GetHashCode();

    public static bool operator ==(Mark left, Mark right) => left.Equals(right);
    public static bool operator !=(Mark left, Mark right) => !left.Equals(right);
    public static bool operator <(Mark left, Mark right) => left.CompareTo(right) < 0;
    public static bool operator >(Mark left, Mark right) => left.CompareTo(right) > 0;
    public static bool operator <=(Mark left, Mark right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Mark left, Mark right) => left.CompareTo(right) >= 0;

    // h:mm:ss, m:ss or mm:ss, each optionally with tenths or hundredths; hours take two-digit minutes.
    [GeneratedRegex(@"^(?:\d{1,2}:(?=\d{2}:))?\d{1,2}:\d{2}(?:\.\d{1,2})?$")]
    private static partial Regex Shape();
}
