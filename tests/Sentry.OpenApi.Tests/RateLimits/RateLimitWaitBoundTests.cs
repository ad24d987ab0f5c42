using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sentry.OpenApi.Tests.TestDoubles;
using static Sentry.OpenApi.Tests.TestDoubles.StubTransport;

namespace Sentry.OpenApi.Tests.RateLimits;

/// <summary>
/// No wait in the client (pacing for a window reset or a concurrency slot, a 429's Retry-After or reset) is
/// longer than <see cref="SentryRetryOptions.MaxRateLimitWait"/> or what is left of
/// <see cref="SentryRetryOptions.TotalBudget"/>; a call that would need longer ends at once with
/// <see cref="SentryRateLimitedException"/> whose <c>RetryAfter</c> is the wait it would have needed.
/// The clock is a <see cref="FakeTimeProvider"/>: nothing here sleeps.
/// </summary>
public sealed class RateLimitWaitBoundTests
{
    private const string OrganizationJson = """{"id":"7","slug":"acme","name":"Acme"}""";

    // A hang guard, not a measurement: on a fake clock an unbounded wait never ends by itself.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_paced_call_whose_window_resets_in_28_hours_fails_at_once_saying_how_long_it_would_have_waited()
    {
        var time = new FakeTimeProvider();
        var transport = new StubTransport(_ => WindowUsedUp(time, TimeSpan.FromSeconds(100_000)));
        using var client = Client(transport, time);
        await client.Organizations.RetrieveOrganizationAsync("acme");

        var error = await RefusedAsync(client.Organizations.RetrieveOrganizationAsync("acme"));

        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(100_000)));
        Assert.That(error.StatusCode, Is.Zero, "the client refused; no response arrived");
        Assert.That(error.Method, Is.EqualTo("GET"));
        Assert.That(error.Path, Is.EqualTo("/api/0/organizations/acme/"));
        Assert.That(error.Message, Does.Contain("MaxRateLimitWait").And.Contain("TotalBudget").And.Contain("/api/0/organizations/acme/"));
        Assert.That(transport.Requests, Has.Count.EqualTo(1), "the refused call was not sent");
    }

    [Test]
    public async Task A_pacing_wait_is_bounded_by_the_total_budget_even_when_max_rate_limit_wait_allows_more()
    {
        var time = new FakeTimeProvider();
        var transport = new StubTransport(_ => WindowUsedUp(time, TimeSpan.FromSeconds(60)));
        using var client = Client(transport, time, new SentryRetryOptions { TotalBudget = TimeSpan.FromSeconds(10), MaxRateLimitWait = TimeSpan.FromHours(1) });
        await client.Organizations.RetrieveOrganizationAsync("acme");

        var error = await RefusedAsync(client.Organizations.RetrieveOrganizationAsync("acme"));

        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task A_pacing_wait_within_the_bounds_is_waited_out_and_the_call_then_sent()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var transport = new StubTransport(_ => ++calls == 1 ? WindowUsedUp(time, TimeSpan.FromSeconds(2)) : Status(HttpStatusCode.OK, OrganizationJson));
        using var client = Client(transport, time);
        await client.Organizations.RetrieveOrganizationAsync("acme");

        var second = client.Organizations.RetrieveOrganizationAsync("acme");
        var waited = await AdvanceUntilDoneAsync(time, second);

        Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)), "held until the window reset");
        Assert.That(transport.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_429_whose_retry_after_exceeds_max_rate_limit_wait_is_not_retried_and_says_the_wait()
    {
        var time = new FakeTimeProvider();
        var transport = new StubTransport(_ => Status(HttpStatusCode.TooManyRequests, "\"slow down\"", ("Retry-After", "100000")));
        using var client = Client(transport, time, new SentryRetryOptions { TotalBudget = TimeSpan.FromHours(2), MaxRateLimitWait = TimeSpan.FromSeconds(30) }, pacing: false);

        var error = await RefusedAsync(client.Organizations.RetrieveOrganizationAsync("acme"));

        Assert.That(error.StatusCode, Is.EqualTo(429));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(100_000)));
        Assert.That(transport.Requests, Has.Count.EqualTo(1), "waiting 30 s would only have met another 429");
    }

    [Test]
    public async Task After_such_a_429_a_paced_call_is_refused_without_being_sent()
    {
        var time = new FakeTimeProvider();
        var reset = time.GetUtcNow().AddSeconds(100_000).ToUnixTimeSeconds();
        var transport = new StubTransport(_ => Status(HttpStatusCode.TooManyRequests, "\"slow down\"",
            ("X-Sentry-Rate-Limit-Remaining", "0"), ("X-Sentry-Rate-Limit-Reset", $"{reset}")));
        using var client = Client(transport, time);

        var first = await RefusedAsync(client.Organizations.RetrieveOrganizationAsync("acme"));
        var second = await RefusedAsync(client.Organizations.RetrieveOrganizationAsync("acme"));

        Assert.That(first.StatusCode, Is.EqualTo(429));
        Assert.That(second.StatusCode, Is.Zero);
        Assert.That(second.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(100_000)));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_call_queued_behind_the_concurrent_limit_gives_up_when_its_budget_is_spent()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var transport = new AsyncStubTransport(async (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 2)
            {
                await release.Task; // the second call holds the only slot
            }

            return Status(HttpStatusCode.OK, OrganizationJson, ("X-Sentry-Rate-Limit-ConcurrentLimit", "1"));
        });
        using var client = Client(transport, time, new SentryRetryOptions { TotalBudget = TimeSpan.FromSeconds(20), MaxRateLimitWait = TimeSpan.FromSeconds(30) });
        await client.Organizations.RetrieveOrganizationAsync("acme"); // teaches ConcurrentLimit = 1
        var holding = client.Organizations.RetrieveOrganizationAsync("acme");
        while (Volatile.Read(ref calls) < 2)
        {
            await Task.Delay(1);
        }

        var queued = client.Organizations.RetrieveOrganizationAsync("acme");
        var waited = await AdvanceUntilDoneAsync(time, queued);
        var error = await RefusedAsync(queued);
        release.SetResult();
        await holding.WaitAsync(HangGuard);

        Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(20)).And.LessThan(TimeSpan.FromSeconds(21)));
        Assert.That(error.RetryAfter, Is.Null, "how long the requests in flight take is not known");
        Assert.That(error.Message, Does.Contain("ConcurrentLimit"));
        Assert.That(transport.Requests, Has.Count.EqualTo(2));
    }

    private static SentryApiClient Client(HttpMessageHandler transport, TimeProvider time, SentryRetryOptions? retry = null, bool pacing = true) =>
        TestClients.Create(transport, o =>
        {
            o.EnableRateLimitPacing = pacing;
            o.TimeProvider = time;
            o.Retry = retry ?? new SentryRetryOptions();
        });

    private static HttpResponseMessage WindowUsedUp(TimeProvider time, TimeSpan resetIn) =>
        Status(HttpStatusCode.OK, OrganizationJson, ("X-Sentry-Rate-Limit-Limit", "40"), ("X-Sentry-Rate-Limit-Remaining", "0"),
            ("X-Sentry-Rate-Limit-Reset", $"{time.GetUtcNow().Add(resetIn).ToUnixTimeSeconds()}"));

    private static async Task<SentryRateLimitedException> RefusedAsync(Task call)
    {
        try
        {
            await call.WaitAsync(HangGuard);
        }
        catch (SentryRateLimitedException e)
        {
            return e;
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            Assert.Fail("the call was still waiting: the wait was not bounded");
        }

        Assert.Fail("the call succeeded; a SentryRateLimitedException was expected");
        return null!;
    }

    // Moves the fake clock in small steps until the call ends; returns how far it moved.
    private static async Task<TimeSpan> AdvanceUntilDoneAsync(FakeTimeProvider time, Task call)
    {
        var step = TimeSpan.FromMilliseconds(250);
        var advanced = TimeSpan.Zero;
        var guard = DateTime.UtcNow + HangGuard;
        while (!call.IsCompleted)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(guard), "the call never ended");
            await Task.Delay(5);
            if (call.IsCompleted)
            {
                break;
            }

            time.Advance(step);
            advanced += step;
        }

        return advanced;
    }
}
