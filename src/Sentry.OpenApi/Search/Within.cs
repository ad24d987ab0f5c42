using System.Globalization;

namespace Sentry.OpenApi;

/// <summary>
/// A relative time window for <see cref="SentryQuery.FirstSeen"/> and <see cref="SentryQuery.LastSeen"/>:
/// a positive whole number of minutes, hours, days or weeks, the only units Sentry's search accepts.
/// <see cref="ToString"/> gives the amount and unit (<c>24h</c>); the query adds the leading <c>-</c>.
/// </summary>
public sealed class Within
{
    private readonly string _text;

    private Within(string text) => _text = text;

    /// <summary>The last <paramref name="minutes"/> minutes (<c>30m</c>).</summary>
    public static Within Minutes(int minutes) => new(Amount(minutes, nameof(minutes)) + "m");

    /// <summary>The last <paramref name="hours"/> hours (<c>24h</c>).</summary>
    public static Within Hours(int hours) => new(Amount(hours, nameof(hours)) + "h");

    /// <summary>The last <paramref name="days"/> days (<c>7d</c>).</summary>
    public static Within Days(int days) => new(Amount(days, nameof(days)) + "d");

    /// <summary>The last <paramref name="weeks"/> weeks (<c>2w</c>).</summary>
    public static Within Weeks(int weeks) => new(Amount(weeks, nameof(weeks)) + "w");

    /// <summary>
    /// The last <paramref name="period"/>, which must be a positive whole number of minutes. Written in the
    /// largest unit that keeps it whole, with a single day as <c>24h</c> (see <see cref="SentryStatsPeriod.From"/>).
    /// </summary>
    public static Within From(TimeSpan period) => new(SentryStatsPeriod.Format(period, allowSeconds: false, nameof(period)));

    /// <summary>The amount and unit, e.g. <c>24h</c>.</summary>
    public override string ToString() => _text;

    private static string Amount(int amount, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount, paramName);
        return amount.ToString(CultureInfo.InvariantCulture);
    }
}
