using System.Globalization;

namespace Sentry.Cli.Output;

/// <summary>How values look in tables and details: UTC times, invariant numbers.</summary>
internal static class Format
{
    public static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };
}
