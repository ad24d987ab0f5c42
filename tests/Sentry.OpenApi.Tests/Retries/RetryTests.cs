using System.Diagnostics;
using System.Net;
using Sentry.OpenApi.Tests.TestDoubles;
using static Sentry.OpenApi.Tests.TestDoubles.StubTransport;

namespace Sentry.OpenApi.Tests.Retries;

public sealed class RetryTests
{
    private const string Org = "the-interstellar-jurisdiction";
    private const string OrganizationJson = """{"id":"7","slug":"the-interstellar-jurisdiction","name":"TIJ"}""";

    private static SentryApiClient Client(StubTransport transport, SentryRetryOptions? retry = null) =>
        TestClients.Create(transport, o => o.Retry = retry ?? new SentryRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });

    [Test]
    public async Task Service_unavailable_three_times_then_success_is_retried_to_success()
    {
        var transport = Sequence(() => Status(HttpStatusCode.ServiceUnavailable), () => Status(HttpStatusCode.ServiceUnavailable),
            () => Status(HttpStatusCode.ServiceUnavailable), () => Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport);

        var organization = await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(organization.Slug, Is.EqualTo(Org));
        Assert.That(transport.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public void Retries_stop_after_max_retries_and_the_last_error_surfaces()
    {
        var transport = Sequence(() => Status(HttpStatusCode.BadGateway, """{"detail":"bad gateway"}"""));
        using var client = Client(transport, new SentryRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) });

        var error = Assert.ThrowsAsync<SentryServerException>(() => client.Organizations.RetrieveOrganizationAsync(Org));

        Assert.That(error!.StatusCode, Is.EqualTo(502));
        Assert.That(transport.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void Max_retries_zero_turns_retrying_off()
    {
        var transport = Sequence(() => Status(HttpStatusCode.ServiceUnavailable), () => Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport, new SentryRetryOptions { MaxRetries = 0 });

        Assert.ThrowsAsync<SentryServerException>(() => client.Organizations.RetrieveOrganizationAsync(Org));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_post_is_not_retried()
    {
        var transport = Sequence(() => Status(HttpStatusCode.ServiceUnavailable), () => Status(HttpStatusCode.Created, "{}"));
        using var client = Client(transport);

        Assert.ThrowsAsync<SentryServerException>(() => client.Teams.CreateTeamAsync(Org, new TeamCreate { Name = "Ancient Gabelers" }));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_post_is_retried_when_the_caller_opts_in()
    {
        var transport = Sequence(() => Status(HttpStatusCode.ServiceUnavailable),
            () => Status(HttpStatusCode.Created, """{"id":"5","slug":"ancient-gabelers","name":"Ancient Gabelers"}"""));
        using var client = Client(transport, new SentryRetryOptions { RetryPost = true, BaseDelay = TimeSpan.FromMilliseconds(1) });

        await client.Teams.CreateTeamAsync(Org, new TeamCreate { Name = "Ancient Gabelers" });

        Assert.That(transport.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_internal_server_error_is_not_retried()
    {
        var transport = Sequence(() => Status(HttpStatusCode.InternalServerError), () => Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport);

        Assert.ThrowsAsync<SentryServerException>(() => client.Organizations.RetrieveOrganizationAsync(Org));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Rate_limited_with_retry_after_waits_that_long_then_succeeds()
    {
        var transport = Sequence(() => Status(HttpStatusCode.TooManyRequests, """{"detail":"slow down"}""", ("Retry-After", "1")),
            () => Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport);
        var clock = Stopwatch.StartNew();

        await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(transport.Requests, Has.Count.EqualTo(2));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "waited for Retry-After");
    }

    [Test]
    public async Task Rate_limited_without_retry_after_waits_until_the_reset_header()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();
        var transport = Sequence(
            () => Status(HttpStatusCode.TooManyRequests, "\"You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds\"",
                ("X-Sentry-Rate-Limit-Remaining", "0"), ("X-Sentry-Rate-Limit-Reset", $"{reset}")),
            () => Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport);

        await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(transport.Requests, Has.Count.EqualTo(2));
        Assert.That(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Is.GreaterThanOrEqualTo(reset), "retried at or after the reset");
    }

    [Test]
    public void A_rate_limit_wait_past_the_total_budget_is_not_attempted()
    {
        var transport = Sequence(() => Status(HttpStatusCode.TooManyRequests, "\"slow\"", ("Retry-After", "60")), () => Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport, new SentryRetryOptions { TotalBudget = TimeSpan.FromSeconds(5), MaxRateLimitWait = TimeSpan.FromSeconds(60) });

        var error = Assert.ThrowsAsync<SentryRateLimitedException>(() => client.Organizations.RetrieveOrganizationAsync(Org));

        Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_connection_failure_of_a_get_is_retried()
    {
        var calls = 0;
        var transport = new StubTransport(_ => ++calls == 1 ? throw new HttpRequestException("Connection reset by peer") : Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport);

        await client.Organizations.RetrieveOrganizationAsync(Org);

        Assert.That(calls, Is.EqualTo(2));
    }
}
