using System.Net;
using Microsoft.Extensions.Logging;
using Sentry.OpenApi.Tests.TestDoubles;
using static Sentry.OpenApi.Tests.TestDoubles.StubTransport;

namespace Sentry.OpenApi.Tests.RateLimits;

/// <summary>
/// Rate-limit headers come from the server (or whatever sits in between): a value out of range or not a
/// number means "unknown", is logged once per client, and never surfaces as an exception of its own.
/// </summary>
public sealed class HostileRateLimitHeaderTests
{
    private const string OrganizationJson = """{"id":"7","slug":"acme","name":"Acme"}""";
    private const string Reset = "X-Sentry-Rate-Limit-Reset";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_735_689_600);

    // 99999999999999 s and 94670856000000 s (year 3,000,000) are past DateTimeOffset.MaxValue.
    private static readonly string[] HostileResets = ["99999999999999", "94670856000000", "1e300", "-1e300", "Infinity", "-Infinity", "NaN", "-5"];

    private static readonly string[] HostileRetryAfters =
        ["1e300", "Infinity", "-Infinity", "NaN", "-1", "99999999999999", "Fri, 01 Jan 3000000 00:00:00 GMT"];

    [TestCaseSource(nameof(HostileResets))]
    public void A_reset_out_of_range_is_unknown_and_the_other_values_are_kept(string reset)
    {
        var limit = SentryRateLimit.FromHeaders(Headers((Reset, reset), ("X-Sentry-Rate-Limit-Remaining", "3")), Now)!;

        Assert.That(limit.Reset, Is.Null);
        Assert.That(limit.Remaining, Is.EqualTo(3));
        Assert.That(limit.SuggestedDelay(Now), Is.Null);
    }

    [TestCaseSource(nameof(HostileRetryAfters))]
    public void A_retry_after_out_of_range_is_unknown(string retryAfter)
    {
        var limit = SentryRateLimit.FromHeaders(Headers(("Retry-After", retryAfter), ("X-Sentry-Rate-Limit-Limit", "40")), Now)!;

        Assert.That(limit.RetryAfter, Is.Null);
        Assert.That(limit.Limit, Is.EqualTo(40));
    }

    [TestCase("X-Sentry-Rate-Limit-Limit", "99999999999")]
    [TestCase("X-Sentry-Rate-Limit-Remaining", "-1")]
    [TestCase("X-Sentry-Rate-Limit-ConcurrentLimit", "1e3")]
    [TestCase("X-Sentry-Rate-Limit-ConcurrentRemaining", "-2147483649")]
    public void A_count_out_of_range_is_unknown(string header, string value) =>
        Assert.That(SentryRateLimit.FromHeaders(Headers((header, value), ("Retry-After", "2")), Now),
            Is.EqualTo(new SentryRateLimit { RetryAfter = TimeSpan.FromSeconds(2) }));

    [Test]
    public void The_last_representable_reset_is_still_read() =>
        Assert.That(SentryRateLimit.FromHeaders(Headers((Reset, "253402300799")), Now)!.Reset,
            Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(253_402_300_799)));

    [Test]
    public void A_response_whose_headers_are_all_unusable_has_no_rate_limit_value() =>
        Assert.That(SentryRateLimit.FromResponse(Status(HttpStatusCode.OK, "{}", (Reset, "1e300"), ("Retry-After", "Infinity")), Now), Is.Null);

    [TestCaseSource(nameof(HostileResets))]
    public void A_404_with_a_hostile_reset_is_still_a_not_found_error(string reset)
    {
        using var client = TestClients.Create(new StubTransport(_ => Status(HttpStatusCode.NotFound, """{"detail":"Not found"}""", (Reset, reset))));

        var error = Assert.ThrowsAsync<SentryNotFoundException>(() => client.Issues.RetrieveIssueAsync("acme", "1"));

        Assert.That(error!.Detail, Is.EqualTo("Not found"));
        Assert.That(error.RateLimit?.Reset, Is.Null);
    }

    [TestCaseSource(nameof(HostileResets))]
    public async Task A_page_with_a_hostile_reset_is_read_with_its_other_rate_limit_values(string reset)
    {
        using var client = TestClients.Create(new StubTransport(_ => Status(HttpStatusCode.OK, "[]", (Reset, reset), ("X-Sentry-Rate-Limit-Remaining", "39"))));

        var page = await client.Issues.ListOrganizationIssuesAsync("acme");

        Assert.That(page.Items, Is.Empty);
        Assert.That(page.RateLimit!.Remaining, Is.EqualTo(39));
        Assert.That(page.RateLimit.Reset, Is.Null);
    }

    [TestCaseSource(nameof(HostileRetryAfters))]
    public void A_429_with_a_hostile_retry_after_is_a_rate_limited_error_after_ordinary_backoff(string retryAfter)
    {
        var transport = new StubTransport(_ => Status(HttpStatusCode.TooManyRequests, "\"slow down\"", ("Retry-After", retryAfter)));
        using var client = TestClients.Create(transport, o => o.Retry = new SentryRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) });

        var error = Assert.ThrowsAsync<SentryRateLimitedException>(() => client.Organizations.RetrieveOrganizationAsync("acme"));

        Assert.That(error!.RetryAfter, Is.Null);
        Assert.That(transport.Requests, Has.Count.EqualTo(3));
    }

    [TestCaseSource(nameof(HostileResets))]
    public async Task A_paced_client_survives_a_hostile_reset_and_frees_the_slot_for_the_next_call(string reset)
    {
        var calls = 0;
        var transport = new StubTransport(_ => ++calls == 2
            ? Status(HttpStatusCode.OK, OrganizationJson, (Reset, reset), ("X-Sentry-Rate-Limit-Remaining", "0"))
            : Status(HttpStatusCode.OK, OrganizationJson, ("X-Sentry-Rate-Limit-ConcurrentLimit", "1")));
        using var client = TestClients.Create(transport, o => o.EnableRateLimitPacing = true);

        await client.Organizations.RetrieveOrganizationAsync("acme"); // teaches ConcurrentLimit = 1
        await client.Organizations.RetrieveOrganizationAsync("acme"); // the hostile header
        var third = client.Organizations.RetrieveOrganizationAsync("acme");

        Assert.That(async () => await third.WaitAsync(TimeSpan.FromSeconds(10)), Throws.Nothing, "the third call never got the only slot");
        Assert.That(transport.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_paced_call_whose_transport_throws_frees_its_slot()
    {
        var calls = 0;
        var transport = new StubTransport(_ => ++calls == 2
            ? throw new InvalidOperationException("a broken custom handler")
            : Status(HttpStatusCode.OK, OrganizationJson, ("X-Sentry-Rate-Limit-ConcurrentLimit", "1")));
        using var client = TestClients.Create(transport, o => o.EnableRateLimitPacing = true);
        await client.Organizations.RetrieveOrganizationAsync("acme");

        Assert.ThrowsAsync<InvalidOperationException>(() => client.Organizations.RetrieveOrganizationAsync("acme"));
        var third = client.Organizations.RetrieveOrganizationAsync("acme");

        Assert.That(async () => await third.WaitAsync(TimeSpan.FromSeconds(10)), Throws.Nothing);
    }

    [Test]
    public async Task Unusable_headers_are_logged_once_per_client_naming_the_header_and_not_per_response()
    {
        var logger = new RecordingLogger();
        var transport = new StubTransport(_ => Status(HttpStatusCode.OK, OrganizationJson, (Reset, "1e300"), ("Retry-After", "Infinity")));
        using var first = TestClients.Create(transport, o => o.LoggerFactory = logger);
        using var second = TestClients.Create(transport, o => o.LoggerFactory = logger);

        for (var i = 0; i < 3; i++)
        {
            await first.Organizations.RetrieveOrganizationAsync("acme");
        }

        var afterFirstClient = logger.Entries.Count(e => e.Level == LogLevel.Warning);
        await second.Organizations.RetrieveOrganizationAsync("acme");

        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.That(afterFirstClient, Is.EqualTo(1), "one warning for three responses of one client");
        Assert.That(warnings, Has.Count.EqualTo(2), "each client warns once");
        Assert.That(warnings[0], Does.Contain(Reset).And.Contain("/api/0/organizations/acme/"));
    }

    private static Dictionary<string, IEnumerable<string>> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => (IEnumerable<string>)[h.Value]);
}
