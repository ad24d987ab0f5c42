namespace Sentry.OpenApi.Tests.RateLimits;

public sealed class SentryRateLimitTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_735_689_600);

    private static Dictionary<string, IEnumerable<string>> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => (IEnumerable<string>)[h.Value]);

    [Test]
    public void All_five_sentry_headers_are_read()
    {
        var limit = SentryRateLimit.FromHeaders(Headers(
            ("X-Sentry-Rate-Limit-Limit", "40"), ("X-Sentry-Rate-Limit-Remaining", "39"), ("X-Sentry-Rate-Limit-Reset", "1735689601"),
            ("X-Sentry-Rate-Limit-ConcurrentLimit", "25"), ("X-Sentry-Rate-Limit-ConcurrentRemaining", "24")), Now)!;

        Assert.That(limit, Is.EqualTo(new SentryRateLimit
        {
            Limit = 40, Remaining = 39, Reset = Now.AddSeconds(1), ConcurrentLimit = 25, ConcurrentRemaining = 24,
        }));
    }

    [Test]
    public void Header_names_are_case_insensitive() =>
        Assert.That(SentryRateLimit.FromHeaders(Headers(("x-sentry-rate-limit-remaining", "0")), Now)!.Remaining, Is.Zero);

    [Test]
    public void No_rate_limit_headers_means_no_rate_limit_value() =>
        Assert.That(SentryRateLimit.FromHeaders(Headers(("Content-Type", "application/json")), Now), Is.Null);

    [Test]
    public void Retry_after_wins_over_reset_for_the_suggested_delay()
    {
        var limit = SentryRateLimit.FromHeaders(Headers(("Retry-After", "3"), ("X-Sentry-Rate-Limit-Reset", "1735689610")), Now)!;
        Assert.That(limit.SuggestedDelay(Now), Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Without_retry_after_the_delay_runs_until_reset()
    {
        var limit = SentryRateLimit.FromHeaders(Headers(("X-Sentry-Rate-Limit-Reset", "1735689602")), Now)!;
        Assert.That(limit.SuggestedDelay(Now), Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void A_reset_in_the_past_suggests_no_wait()
    {
        var limit = SentryRateLimit.FromHeaders(Headers(("X-Sentry-Rate-Limit-Reset", "1735689000")), Now)!;
        Assert.That(limit.SuggestedDelay(Now), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Malformed_values_are_ignored_rather_than_thrown()
    {
        var limit = SentryRateLimit.FromHeaders(Headers(("X-Sentry-Rate-Limit-Limit", "forty"), ("X-Sentry-Rate-Limit-Remaining", "3")), Now)!;
        Assert.That(limit.Limit, Is.Null);
        Assert.That(limit.Remaining, Is.EqualTo(3));
    }
}
