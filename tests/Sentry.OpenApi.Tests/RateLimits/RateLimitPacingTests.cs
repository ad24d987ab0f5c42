using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.RateLimits;

public sealed class RateLimitPacingTests
{
    /// <summary>A server that enforces Sentry-style limits: a fixed 1-second window and a concurrency cap, answering 429 beyond them.</summary>
    private sealed class RateLimitedServer(int perWindow, int concurrent) : HttpMessageHandler
    {
        private readonly object _gate = new();
        private long _window;
        private int _used;
        private int _inFlight;

        public int Rejected;
        public int Served;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            long reset;
            int remaining;
            lock (_gate)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                if (now != _window)
                {
                    (_window, _used) = (now, 0);
                }

                reset = _window + 1;
                if (_used >= perWindow || _inFlight >= concurrent)
                {
                    Rejected++;
                    return StubTransport.Status(HttpStatusCode.TooManyRequests, "\"Limit exceeded\"", Headers(0, reset));
                }

                _used++;
                _inFlight++;
                remaining = perWindow - _used;
            }

            await Task.Delay(20, cancellationToken);
            lock (_gate)
            {
                _inFlight--;
                Served++;
            }

            return StubTransport.Status(HttpStatusCode.OK, """{"id":"7","slug":"acme","name":"Acme"}""", Headers(remaining, reset));
        }

        private (string, string)[] Headers(int remaining, long reset) =>
        [
            ("X-Sentry-Rate-Limit-Limit", $"{perWindow}"), ("X-Sentry-Rate-Limit-Remaining", $"{remaining}"),
            ("X-Sentry-Rate-Limit-Reset", $"{reset}"), ("X-Sentry-Rate-Limit-ConcurrentLimit", $"{concurrent}"),
        ];
    }

    /// <summary>
    /// A server on a fake clock with 1-second windows that answers only when the test releases a request, oldest
    /// first; <c>Remaining</c> is counted when a request arrives, as Sentry does.
    /// </summary>
    private sealed class GatedServer(FakeTimeProvider time, int perWindow, int concurrent) : HttpMessageHandler
    {
        private readonly object _gate = new();
        private readonly ConcurrentQueue<TaskCompletionSource> _held = new();
        private long _window = -1;
        private int _used;

        public int Rejected;

        public bool Hold { get; set; }

        public int Held => _held.Count;

        public void ReleaseOldest()
        {
            Assert.That(_held.TryDequeue(out var oldest), Is.True, "a request to release");
            oldest!.SetResult();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int remaining;
            long reset;
            lock (_gate)
            {
                var now = time.GetUtcNow().ToUnixTimeSeconds();
                (_window, _used) = now == _window ? (_window, _used) : (now, 0);
                reset = _window + 1;
                if (_used >= perWindow)
                {
                    Rejected++;
                    return StubTransport.Status(HttpStatusCode.TooManyRequests, "\"Limit exceeded\"", Headers(0, reset));
                }

                remaining = perWindow - ++_used;
            }

            if (Hold)
            {
                var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _held.Enqueue(release);
                await release.Task.WaitAsync(cancellationToken);
            }

            return StubTransport.Status(HttpStatusCode.OK, """{"id":"7","slug":"acme","name":"Acme"}""", Headers(remaining, reset));
        }

        private (string, string)[] Headers(int remaining, long reset) =>
        [
            ("X-Sentry-Rate-Limit-Limit", $"{perWindow}"), ("X-Sentry-Rate-Limit-Remaining", $"{remaining}"),
            ("X-Sentry-Rate-Limit-Reset", $"{reset}"), ("X-Sentry-Rate-Limit-ConcurrentLimit", $"{concurrent}"),
        ];
    }

    [Test]
    public async Task Requests_let_in_before_a_new_windows_count_is_known_are_counted_against_the_first_count_that_arrives()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_750_000_000));
        var server = new GatedServer(time, perWindow: 4, concurrent: 3);
        using var client = TestClients.Create(server, o =>
        {
            o.EnableRateLimitPacing = true;
            o.TimeProvider = time;
            o.Retry = new SentryRetryOptions { MaxRetries = 0 }; // a 429 would surface: pacing alone must avoid it
        });
        await client.Organizations.RetrieveOrganizationAsync("acme"); // teaches the limits

        // A new window: its count is unknown until a response says it, so the concurrency limit lets 3 in.
        time.Advance(TimeSpan.FromSeconds(1));
        server.Hold = true;
        var calls = Enumerable.Range(0, 6).Select(_ => client.Organizations.RetrieveOrganizationAsync("acme")).ToList();
        await HeldAsync(server, 3);

        // The first answer says "3 left" as counted when it arrived; the 2 let in after it already used two of those.
        server.ReleaseOldest();
        await HeldAsync(server, 3); // one more let in: the last of the window
        server.ReleaseOldest(); // "2 left", counted before the two after it
        await Task.Delay(200); // time for the client to send what it would (wrongly) think still fits in the window
        Assert.That(server.Rejected, Is.Zero, "requests rejected with 429 in the window");
        Assert.That(server.Held, Is.EqualTo(2), "the window is used up: no request but the two in flight");
        server.ReleaseOldest();
        server.ReleaseOldest();

        // The next window lets the last two in.
        server.Hold = false;
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(server.Rejected, Is.Zero, "requests rejected with 429");
    }

    private static async Task HeldAsync(GatedServer server, int count)
    {
        // A hang guard, not a measurement.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.Held < count)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{count} requests held by the server (now {server.Held})");
            await Task.Delay(5);
        }
    }

    [Test]
    public async Task A_burst_of_callers_sharing_a_paced_client_sees_no_429()
    {
        var server = new RateLimitedServer(perWindow: 8, concurrent: 3);
        using var client = TestClients.Create(server, o =>
        {
            o.EnableRateLimitPacing = true;
            o.Retry = new SentryRetryOptions { MaxRetries = 0 }; // a 429 would surface: pacing alone must avoid it
        });

        // The first response teaches the limits; then 20 callers at once.
        await client.Organizations.RetrieveOrganizationAsync("acme");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Organizations.RetrieveOrganizationAsync("acme")));

        Assert.That(server.Rejected, Is.Zero, "requests rejected with 429");
        Assert.That(server.Served, Is.EqualTo(21));
    }
}
