using System.Globalization;

namespace Sentry.OpenApi;

/// <summary>
/// Values of the <c>statsPeriod</c> parameter: a whole number followed by <c>s</c>, <c>m</c>, <c>h</c>,
/// <c>d</c> or <c>w</c>, or empty to turn the stats of issue lists off.
/// </summary>
public static class SentryStatsPeriod
{
    /// <summary>The last 24 hours.</summary>
    public const string Hours24 = "24h";

    /// <summary>The last 14 days.</summary>
    public const string Days14 = "14d";

    /// <summary>The last 30 days.</summary>
    public const string Days30 = "30d";

    /// <summary>No stats: issue lists leave out their per-issue stats.</summary>
    public const string Disabled = "";

    /// <summary>
    /// Writes <paramref name="period"/>, a positive whole number of seconds, in the largest unit that keeps it
    /// whole. Whole days above one are written in days and one day as <c>24h</c>, never in weeks, so the
    /// well-known periods come out exactly as <see cref="Hours24"/>, <see cref="Days14"/> and <see cref="Days30"/>
    /// (some endpoints compare the text, not the duration).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is zero or negative (use <see cref="Disabled"/> for no stats).</exception>
    /// <exception cref="ArgumentException">The period has a fraction of a second.</exception>
    public static string From(TimeSpan period) => Format(period, allowSeconds: true, nameof(period));

    internal static string Format(TimeSpan period, bool allowSeconds, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero, paramName);
        var ticks = period.Ticks;
        if (ticks % TimeSpan.TicksPerDay == 0 && ticks > TimeSpan.TicksPerDay)
        {
            return Whole(ticks / TimeSpan.TicksPerDay, "d");
        }

        if (ticks % TimeSpan.TicksPerHour == 0)
        {
            return Whole(ticks / TimeSpan.TicksPerHour, "h");
        }

        if (ticks % TimeSpan.TicksPerMinute == 0)
        {
            return Whole(ticks / TimeSpan.TicksPerMinute, "m");
        }

        if (allowSeconds && ticks % TimeSpan.TicksPerSecond == 0)
        {
            return Whole(ticks / TimeSpan.TicksPerSecond, "s");
        }

        throw new ArgumentException($"{period} is not a whole number of {(allowSeconds ? "seconds" : "minutes")}.", paramName);
    }

    private static string Whole(long amount, string unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}
