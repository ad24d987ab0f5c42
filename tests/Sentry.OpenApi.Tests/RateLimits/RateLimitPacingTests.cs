using System.Net;
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
