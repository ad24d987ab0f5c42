using System.Globalization;

namespace Sentry.OpenApi;

/// <summary>
/// Sentry's rate-limit headers of one response. Limits are per caller and endpoint: a fixed window
/// (<c>X-Sentry-Rate-Limit-Limit</c>/<c>-Remaining</c>/<c>-Reset</c>) and a concurrency limit
/// (<c>-ConcurrentLimit</c>/<c>-ConcurrentRemaining</c>).
/// </summary>
public sealed record SentryRateLimit
{
    /// <summary>Requests allowed in the current window.</summary>
    public int? Limit { get; init; }

    /// <summary>Requests left in the current window.</summary>
    public int? Remaining { get; init; }

    /// <summary>When the current window ends (from UTC epoch seconds).</summary>
    public DateTimeOffset? Reset { get; init; }

    /// <summary>Requests that may be in flight at once.</summary>
    public int? ConcurrentLimit { get; init; }

    /// <summary>How many more requests may start now.</summary>
    public int? ConcurrentRemaining { get; init; }

    /// <summary><c>Retry-After</c>, when Sentry sent it (seconds or an HTTP date).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Reads the headers; null when none of them is present.</summary>
    public static SentryRateLimit? FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            var first = values.FirstOrDefault();
            if (first is not null)
            {
                map[name] = first.Trim();
            }
        }

        var limit = Int("X-Sentry-Rate-Limit-Limit");
        var remaining = Int("X-Sentry-Rate-Limit-Remaining");
        var reset = Long("X-Sentry-Rate-Limit-Reset");
        var concurrentLimit = Int("X-Sentry-Rate-Limit-ConcurrentLimit");
        var concurrentRemaining = Int("X-Sentry-Rate-Limit-ConcurrentRemaining");
        var retryAfter = RetryAfterOf(map.GetValueOrDefault("Retry-After"), now ?? DateTimeOffset.UtcNow);
        if (limit is null && remaining is null && reset is null && concurrentLimit is null && concurrentRemaining is null && retryAfter is null)
        {
            return null;
        }

        return new SentryRateLimit
        {
            Limit = limit,
            Remaining = remaining,
            Reset = reset is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            ConcurrentLimit = concurrentLimit,
            ConcurrentRemaining = concurrentRemaining,
            RetryAfter = retryAfter,
        };

        int? Int(string name) =>
            map.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

        long? Long(string name) =>
            map.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? (long)Math.Ceiling(value)
                : null;
    }

    /// <summary>Reads the headers of a response.</summary>
    public static SentryRateLimit? FromResponse(HttpResponseMessage response, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var all = response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>());
        return FromHeaders(all, now);
    }

    /// <summary>How long to wait before retrying: <see cref="RetryAfter"/>, else until <see cref="Reset"/>.</summary>
    public TimeSpan? SuggestedDelay(DateTimeOffset now)
    {
        if (RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        if (Reset is { } reset)
        {
            var wait = reset - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan? RetryAfterOf(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
