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

    /// <summary>
    /// Reads the headers; null when none of them is present and usable. A value that is not a number or is
    /// out of range (a negative count, a count past <see cref="int.MaxValue"/>, a reset or Retry-After past
    /// <see cref="DateTimeOffset.MaxValue"/>, NaN, infinity) is unknown (null), never an exception.
    /// </summary>
    public static SentryRateLimit? FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var values = new string?[Names.Length];
        foreach (var (name, headerValues) in headers)
        {
            var index = IndexOf(name);
            if (index >= 0 && values[index] is null)
            {
                values[index] = headerValues?.FirstOrDefault();
            }
        }

        return Parse(values, now ?? DateTimeOffset.UtcNow, out _);
    }

    /// <summary>Reads the headers of a response (see <see cref="FromHeaders"/>).</summary>
    public static SentryRateLimit? FromResponse(HttpResponseMessage response, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Read(response, now ?? DateTimeOffset.UtcNow, out _);
    }

    /// <summary>Reads the headers of a response; <paramref name="unusable"/> names the first header present but unusable.</summary>
    internal static SentryRateLimit? Read(HttpResponseMessage response, DateTimeOffset now, out string? unusable)
    {
        // Every response is read (the header warning, pacing, pages): one pass over the stored headers through the
        // non-validating view, instead of a lookup per name that parsed the header and copied its values.
        string?[]? values = null;
#if NET
        Collect(response.Headers.NonValidated, ref values);
        if (response.Content is { } content)
        {
            Collect(content.Headers.NonValidated, ref values);
        }
#else
        Collect(response.Headers, ref values);
        if (response.Content is { } content)
        {
            Collect(content.Headers, ref values);
        }
#endif

        if (values is null)
        {
            unusable = null;
            return null;
        }

        return Parse(values, now, out unusable);
    }

    // The first value of each rate-limit header not found yet (response headers come before content headers).
    // netstandard2.0 has no non-validating view: there the headers are enumerated as they are.
#if NET
    private static void Collect(System.Net.Http.Headers.HttpHeadersNonValidated headers, ref string?[]? values)
#else
    private static void Collect(System.Net.Http.Headers.HttpHeaders headers, ref string?[]? values)
#endif
    {
        foreach (var (name, headerValues) in headers)
        {
            var index = IndexOf(name);
            if (index >= 0 && (values ??= new string?[Names.Length])[index] is null)
            {
                foreach (var value in headerValues)
                {
                    values[index] = value;
                    break;
                }
            }
        }
    }

    private static int IndexOf(string? name)
    {
        if (name is null)
        {
            return -1;
        }

        if (name.StartsWith("X-Sentry-Rate-Limit-", StringComparison.OrdinalIgnoreCase))
        {
            for (var i = LimitIndex; i <= ConcurrentRemainingIndex; i++)
            {
                if (name.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        return name.Equals(Names[RetryAfterIndex], StringComparison.OrdinalIgnoreCase) ? RetryAfterIndex : -1;
    }

    // The headers read, in the order of the indexes below.
    private static readonly string[] Names =
    [
        "X-Sentry-Rate-Limit-Limit", "X-Sentry-Rate-Limit-Remaining", "X-Sentry-Rate-Limit-Reset",
        "X-Sentry-Rate-Limit-ConcurrentLimit", "X-Sentry-Rate-Limit-ConcurrentRemaining", "Retry-After",
    ];

    private const int LimitIndex = 0, RemainingIndex = 1, ResetIndex = 2, ConcurrentLimitIndex = 3, ConcurrentRemainingIndex = 4, RetryAfterIndex = 5;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static SentryRateLimit? Parse(string?[] values, DateTimeOffset now, out string? unusable)
    {
        string? firstUnusable = null;
        var limit = Count(LimitIndex);
        var remaining = Count(RemainingIndex);
        var reset = ResetOf(Text(ResetIndex));
        var concurrentLimit = Count(ConcurrentLimitIndex);
        var concurrentRemaining = Count(ConcurrentRemainingIndex);
        var retryAfter = RetryAfterOf(Text(RetryAfterIndex), now);
        if (Text(ResetIndex) is not null && reset is null)
        {
            firstUnusable ??= Names[ResetIndex];
        }

        if (Text(RetryAfterIndex) is not null && retryAfter is null)
        {
            firstUnusable ??= Names[RetryAfterIndex];
        }

        unusable = firstUnusable;
        if (limit is null && remaining is null && reset is null && concurrentLimit is null && concurrentRemaining is null && retryAfter is null)
        {
            return null;
        }

        return new SentryRateLimit
        {
            Limit = limit,
            Remaining = remaining,
            Reset = reset,
            ConcurrentLimit = concurrentLimit,
            ConcurrentRemaining = concurrentRemaining,
            RetryAfter = retryAfter,
        };

        string? Text(int index) => string.IsNullOrWhiteSpace(values[index]) ? null : values[index]!.Trim();

        int? Count(int index)
        {
            if (Text(index) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                return value;
            }

            firstUnusable ??= Names[index];
            return null;
        }
    }

    // Epoch seconds, possibly fractional (rounded up: waiting until then never comes too early).
    private static DateTimeOffset? ResetOf(string? text) =>
        text is not null
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && !double.IsNaN(seconds) && !double.IsInfinity(seconds) && seconds >= 0 && Math.Ceiling(seconds) <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Ceiling(seconds))
            : null;

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

    // Delta seconds (RFC 9110; fractions accepted) or an HTTP date; a wait that would end after
    // DateTimeOffset.MaxValue is out of range.
    private static TimeSpan? RetryAfterOf(string? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return !double.IsNaN(seconds) && !double.IsInfinity(seconds) && seconds >= 0 && seconds <= (DateTimeOffset.MaxValue - now).TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
