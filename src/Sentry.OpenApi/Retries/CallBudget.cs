namespace Sentry.OpenApi.Retries;

/// <summary>
/// How long one call may still wait in the client: at most <see cref="SentryRetryOptions.MaxRateLimitWait"/>
/// at a time, and never past <see cref="SentryRetryOptions.TotalBudget"/> counted from when the call entered
/// the retry handler (the start travels with the request, so the pacing handler below sees it too).
/// </summary>
internal static class CallBudget
{
    /// <summary>The longest timer .NET can set (about 49.7 days); a longer wait is refused like one past the budget.</summary>
    public static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private const string StartedKey = "Sentry.OpenApi.CallStarted";

    /// <summary>Marks the call as started now (the retry handler, once per call).</summary>
    public static void Start(HttpRequestMessage request, TimeProvider time) => Compat.RequestOptions.Set(request, StartedKey, time.GetTimestamp());

    /// <summary>Marks the call as started now unless an outer handler already did.</summary>
    public static void StartUnlessStarted(HttpRequestMessage request, TimeProvider time)
    {
        if (!Compat.RequestOptions.TryGet<long>(request, StartedKey, out _))
        {
            Start(request, time);
        }
    }

    /// <summary>How long the call has been running.</summary>
    public static TimeSpan Elapsed(HttpRequestMessage request, TimeProvider time) =>
        Compat.RequestOptions.TryGet<long>(request, StartedKey, out var started) ? time.GetElapsedTime(started) : TimeSpan.Zero;

    /// <summary>The longest single wait a call may still make: the smallest of MaxRateLimitWait, what is left of TotalBudget, and <see cref="LongestTimer"/>.</summary>
    public static TimeSpan LongestWait(HttpRequestMessage request, SentryRetryOptions options, TimeProvider time)
    {
        var left = options.TotalBudget - Elapsed(request, time);
        var longest = Min(Min(options.MaxRateLimitWait, left), LongestTimer);
        return longest > TimeSpan.Zero ? longest : TimeSpan.Zero;
    }

    /// <summary>The longest single rate-limit wait, whatever the budget left: MaxRateLimitWait, at most <see cref="LongestTimer"/>.</summary>
    public static TimeSpan LongestSingleWait(SentryRetryOptions options) => Min(options.MaxRateLimitWait, LongestTimer);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
