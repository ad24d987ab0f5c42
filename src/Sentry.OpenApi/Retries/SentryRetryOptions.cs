namespace Sentry.OpenApi;

/// <summary>
/// When and how long the client retries. Rate-limited requests (429) wait for <c>Retry-After</c>, else
/// until <c>X-Sentry-Rate-Limit-Reset</c> (at most <see cref="MaxRateLimitWait"/>, with jitter); 502/503/504, connection failures and
/// attempt timeouts back off exponentially with jitter. Only idempotent methods (GET, HEAD, PUT,
/// DELETE) are retried unless <see cref="RetryPost"/> opts POST in.
/// </summary>
public sealed record SentryRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>
    /// The most time all attempts and waits of one call may take; no retry starts past it, and no pacing wait
    /// (<see cref="SentryApiClientOptions.EnableRateLimitPacing"/>) runs past it. Default 30 s.
    /// </summary>
    public TimeSpan TotalBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first backoff delay for server errors, doubled each retry (with jitter). Default 0.5 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest single wait for a rate limit: a 429 asking for longer is not retried, and a paced call that
    /// would have to wait longer is not sent; both end in <see cref="SentryRateLimitedException"/> with the
    /// wait needed in <see cref="SentryRateLimitedException.RetryAfter"/>. Default 30 s.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Also retry POST (not idempotent: a retried POST may create twice). Default false.</summary>
    public bool RetryPost { get; init; }
}
