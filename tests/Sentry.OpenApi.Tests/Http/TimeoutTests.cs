using System.Net;
using Sentry.OpenApi.Tests.TestDoubles;

namespace Sentry.OpenApi.Tests.Http;

public sealed class TimeoutTests
{
    /// <summary>A transport that answers only after a delay (or when cancelled).</summary>
    private sealed class SlowTransport(TimeSpan delay) : HttpMessageHandler
    {
        public int Calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            await Task.Delay(delay, cancellationToken);
            return StubTransport.Status(HttpStatusCode.OK, """{"id":"7","slug":"acme","name":"Acme"}""");
        }
    }

    [Test]
    public void A_request_slower_than_the_timeout_fails_with_TimeoutException_after_its_retries()
    {
        var transport = new SlowTransport(TimeSpan.FromSeconds(30));
        using var client = TestClients.Create(transport, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.Retry = new SentryRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1) };
        });

        Assert.ThrowsAsync<TimeoutException>(() => client.Organizations.RetrieveOrganizationAsync("acme"));
        Assert.That(transport.Calls, Is.EqualTo(2), "the timed-out GET was retried once");
    }

    [Test]
    public void Cancellation_by_the_caller_is_an_OperationCanceledException_and_not_retried()
    {
        var transport = new SlowTransport(TimeSpan.FromSeconds(30));
        using var client = TestClients.Create(transport, o => o.Timeout = TimeSpan.FromSeconds(20));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.CatchAsync<OperationCanceledException>(() => client.Organizations.RetrieveOrganizationAsync("acme", cancel.Token));
        Assert.That(transport.Calls, Is.EqualTo(1));
    }
}
