using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledger.Domain;

/// <summary>
/// A date as precise as the source gives it: <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>.
/// A partial date is only known to have happened once its last possible day has come
/// (a <c>2014-12</c> result counts from 2014-12-31), which is the contract's as-of rule.
/// </summary>
[Description("YYYY-MM-DD (or YYYY-MM, YYYY)")]
public readonly partial struct PartialDate : IComparable<PartialDate>, IEquatable<PartialDate>
{
    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public bool IsComplete => Day is not null;

    /// <summary>The first day it could be: how dates sort.</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day it could be: from then on it is known to have happened.</summary>
    public DateOnly LastDay => Day is not null
        ? new DateOnly(Year, Month!.Value, Day.Value)
        : Month is not null
            ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
            : new DateOnly(Year, 12, 31);

    /// <summary>Whether this date had certainly come by the end of <paramref name="asOf"/>.</summary>
    public bool IsOnOrBefore(DateOnly asOf) => LastDay <= asOf;

    public static PartialDate Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public static bool TryParse(string? text, out PartialDate date, out string error)
    {
        date = default;
        if (text is null || !Shape().IsMatch(text))
        {
            error = $"date '{text}' is not YYYY-MM-DD, YYYY-MM or YYYY";
            return false;
        }

        // The shape holds, so the parts are where it puts them: read them in place, without a Match.
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        int? month = text.Length >= 7 ? int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture) : null;
        int? day = text.Length == 10 ? int.Parse(text.AsSpan(8, 2), CultureInfo.InvariantCulture) : null;

        if (year < 1)
        {
            error = $"date '{text}' has year 0000";
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = $"date '{text}' has month {month}; months run from 01 to 12";
            return false;
        }

        if (day is not null)
        {
            var days = DateTime.DaysInMonth(year, month!.Value);
            if (day < 1 || day > days)
            {
                var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Value);
                error = $"date '{text}' does not exist; {monthName} {year} has {days} days";
                return false;
            }
        }

        date = new PartialDate(year, month, day);
        error = "";
        return true;
    }

    public override string ToString() => Day is not null
        ? $"{Year:D4}-{Month:D2}-{Day:D2}"
        : Month is not null ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}";

    /// <summary>Earlier first day first; on the same first day the vaguer date first.</summary>
    public int CompareTo(PartialDate other)
    {
        var byStart = FirstDay.CompareTo(other.FirstDay);
        return byStart != 0 ? byStart : LastDay.CompareTo(other.LastDay) * -1;
    }

    public bool Equals(PartialDate other) => Year == other.Year && Month == other.Month && Day == other.Day;
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Year, Month, Day);
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    [GeneratedRegex(@"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]
    private static partial Regex Shape();
}
