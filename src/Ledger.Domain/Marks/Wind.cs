using System.ComponentModel;
using System.Globalization;

namespace Ledger.Domain;

/// <summary>
/// A wind reading in metres per second, signed: a following wind is positive (<c>+0.9</c>), a head
/// wind negative (<c>-0.3</c>). Read to the tenth, as the gauges give it.
/// </summary>
[Description("The wind reading in m/s, where the wind is measured: 0.9, +2.4, -0.3")]
public readonly record struct Wind
{
    /// <summary>The most following wind a legal mark may have (World Athletics: over +2.0 m/s is wind-assisted).</summary>
    public const decimal Legal = 2.0m;

    /// <summary>Readings beyond this, either way, are typing errors, not weather.</summary>
    private const decimal Plausible = 10m;

    private Wind(decimal metresPerSecond) => MetresPerSecond = metresPerSecond;

    public decimal MetresPerSecond { get; }

    /// <summary>Over +2.0 m/s: the mark stands in no record and is not a legal best.</summary>
    public bool IsAssisted => MetresPerSecond > Legal;

    public static Wind Parse(string text) => TryParse(text, out var wind, out var error) ? wind : throw new FormatException(error);

    public static bool TryParse(string? text, out Wind wind, out string error)
    {
        wind = default;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"wind '{text}' is not a reading in m/s like +0.9 or -0.3";
            return false;
        }

        if (decimal.Round(value, 1) != value)
        {
            error = $"wind '{text}' has more than one decimal; a reading is to the tenth of a m/s, like +0.9";
            return false;
        }

        if (Math.Abs(value) > Plausible)
        {
            error = $"wind '{text}' is beyond {Plausible} m/s either way: not a reading a mark is run or jumped in";
            return false;
        }

        // One scale for every reading ("2", "2.0" and "2.00" are one fact, written 2.0).
        wind = new Wind(decimal.Round(value, 1) + 0.0m);
        error = "";
        return true;
    }

    /// <summary>As athletics prints it: <c>+0.9</c>, <c>-0.3</c>, <c>0.0</c>.</summary>
    public override string ToString() => MetresPerSecond.ToString(MetresPerSecond > 0 ? "+0.0" : "0.0", CultureInfo.InvariantCulture);
}
